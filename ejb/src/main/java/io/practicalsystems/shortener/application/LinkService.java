package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.LinkExpiry;
import io.practicalsystems.shortener.RedirectType;
import io.practicalsystems.shortener.UrlPolicy;
import io.practicalsystems.shortener.application.cache.LinkCache;
import io.practicalsystems.shortener.application.cache.NearLinkCache;
import io.practicalsystems.shortener.application.links.LinkRepository;
import io.practicalsystems.shortener.application.links.ShortLink;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reading, changing and deleting short links (creating is {@link LinkCreator}'s): each public method is one
 * transaction.
 */
@Stateless
public class LinkService {

    @Inject
    LinkRepository links;

    @Inject
    LinkCache cache;

    @Inject
    NearLinkCache nearCache;

    @Inject
    ShortenerSettings settings;

    @Inject
    ServerAddresses serverAddresses;

    /** A create's idempotent repeat: the owner's oldest live generated link to the same URL, if any. */
    public Optional<LinkView> findIdempotent(LinkOwner owner, String targetHash, Instant now) {
        return storage(() -> links.findLiveByOwnerAndTarget(owner.key(), targetHash, now)).map(link -> LinkView.of(link, now));
    }

    public LinkView get(String code) {
        ShortLink link = storage(() -> links.findByCode(code)).filter(l -> !l.isDeleted())
                .orElseThrow(() -> new ShortenerExceptions.LinkNotFound(code));
        return LinkView.of(link, Instant.now());
    }

    public LinkView update(String code, UpdateLinkCommand command) {
        Instant now = Instant.now();
        ShortLink link = ownedLink(code, command.owner());
        if (command.url() != null) {
            String url = urlPolicy().validate(command.url()).toString();
            link.retarget(url, LinkOwner.sha256(url), now);
        }
        if (command.redirectStatus() != null) {
            link.changeRedirectStatus(RedirectType.fromStatus(command.redirectStatus()).status(), now);
        }
        if (command.clearExpiry()) {
            link.changeExpiry(null, now);
        } else if (command.expiresAt() != null) {
            link.changeExpiry(LinkExpiry.parse(command.expiresAt(), now, settings.maxExpiry()).orElse(null), now);
        }
        storage(() -> {
            links.flush();
            return null;
        });
        evictEverywhere(code);
        return LinkView.of(link, now);
    }

    public void delete(String code, LinkOwner owner) {
        ShortLink link = ownedLink(code, owner);
        link.delete(Instant.now());
        storage(() -> {
            links.flush();
            return null;
        });
        evictEverywhere(code);
    }

    public List<LinkView> list(LinkOwner owner, int page, int size) {
        if (owner.isAnonymous()) {
            throw new ShortenerExceptions.NotOwner("listing links needs the API key (X-Api-Key) that created them");
        }
        Instant now = Instant.now();
        return storage(() -> links.findByOwner(owner.key(), page * size, size)).stream()
                .map(link -> LinkView.of(link, now)).toList();
    }

    private void evictEverywhere(String code) {
        nearCache.evict(code);
        cache.evict(code);
    }

    private ShortLink ownedLink(String code, LinkOwner owner) {
        ShortLink link = storage(() -> links.findByCode(code)).filter(l -> !l.isDeleted())
                .orElseThrow(() -> new ShortenerExceptions.LinkNotFound(code));
        if (owner.isAnonymous() || !owner.key().equals(link.ownerKey())) {
            throw new ShortenerExceptions.NotOwner("only the API key that created '" + code + "' may change it");
        }
        return link;
    }

    private UrlPolicy urlPolicy() {
        return settings.urlPolicy(serverAddresses.current());
    }

    /** Database failures become one domain exception (503), whatever layer they surface in. */
    private static <T> T storage(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw new ShortenerExceptions.StorageUnavailable("the link database is unavailable", e);
        }
    }
}
