package io.practicalsystems.shortener.application;

import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.idgen.application.IdGeneratorUnavailableException;
import io.practicalsystems.shortener.AliasPolicy;
import io.practicalsystems.shortener.Base62;
import io.practicalsystems.shortener.LinkExpiry;
import io.practicalsystems.shortener.RedirectType;
import io.practicalsystems.shortener.UrlPolicy;
import io.practicalsystems.shortener.application.cache.LinkCache;
import io.practicalsystems.shortener.application.cache.NearLinkCache;
import io.practicalsystems.shortener.application.links.LinkRepository;
import io.practicalsystems.shortener.application.links.ShortLink;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creating, reading, changing and deleting short links: each public method is one transaction. Codes are the
 * Base62 form of a Snowflake ID from this server's generator (in-process), or a validated custom alias.
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

    @EJB
    IdGeneratorService ids;

    /** The created (or, for an idempotent repeat, the existing) link; {@code created} tells which. */
    public record Created(LinkView link, boolean created) {
    }

    public Created create(CreateLinkCommand command) {
        Instant now = Instant.now();
        String url = urlPolicy().validate(command.url()).toString();
        String hash = LinkOwner.sha256(url);
        int status = command.redirectStatus() == null ? RedirectType.DEFAULT.status()
                : RedirectType.fromStatus(command.redirectStatus()).status();
        Instant expiresAt = LinkExpiry.parse(command.expiresAt(), now, settings.maxExpiry()).orElse(null);
        boolean alias = command.alias() != null && !command.alias().isBlank();
        if (alias) {
            AliasPolicy.DEFAULT.validate(command.alias());
        }
        if (command.idempotent() && !alias) {
            Optional<ShortLink> existing = storage(() -> links.findLiveByOwnerAndTarget(command.owner().key(), hash, now));
            if (existing.isPresent()) {
                return new Created(LinkView.of(existing.get(), now), false);
            }
        }
        long id = nextId();
        String code = alias ? command.alias() : Base62.encode(id);
        if (alias && storage(() -> links.findByCode(code)).isPresent()) {
            throw new ShortenerExceptions.AliasTaken(code);
        }
        ShortLink link = new ShortLink(id, code, url, hash, command.owner().key(), status, alias, now, expiresAt);
        try {
            links.insert(link);
        } catch (PersistenceException e) {
            if (alias && isUniqueViolation(e)) {
                throw new ShortenerExceptions.AliasTaken(code); // lost a race with a concurrent create
            }
            throw new ShortenerExceptions.StorageUnavailable("the link database is unavailable", e);
        }
        evictEverywhere(code); // a negative entry may exist for an alias someone probed before it was created
        return new Created(LinkView.of(link, now), true);
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
        return new UrlPolicy(settings.maxUrlLength(), settings.blockedDomains(), settings.selfHosts(),
                serverAddresses.current());
    }

    private long nextId() {
        try {
            return ids.next();
        } catch (IdGeneratorUnavailableException e) {
            throw new ShortenerExceptions.StorageUnavailable("no short code can be issued: " + e.getMessage(), e);
        }
    }

    /** SQLState class 23 = integrity constraint violation (here: the unique code). */
    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
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
