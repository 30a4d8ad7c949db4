package io.practicalsystems.shortener.application;

import io.practicalsystems.idgen.application.IdGeneratorService;
import io.practicalsystems.shortener.AliasPolicy;
import io.practicalsystems.shortener.GroupCommit;
import io.practicalsystems.shortener.LinkExpiry;
import io.practicalsystems.shortener.RedirectType;
import io.practicalsystems.shortener.application.cache.LinkCache;
import io.practicalsystems.shortener.application.cache.NearLinkCache;
import io.practicalsystems.shortener.application.links.JdbcLinkRows;
import io.practicalsystems.shortener.application.links.ShortLink;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Creating short links: validate, (idempotent repeat: the existing link), issue the code, store. Creates arriving
 * together are stored by one {@link GroupCommit}: one transaction for the batch, each create answered once its
 * batch is committed (a 201 means the row is committed), an alias conflict failing only its own create (409).
 * Codes are the Base62 form of a Snowflake ID from this server's generator, or a validated custom alias; the unique
 * index on the code is what makes an alias taken, by any link ever (deleted ones included).
 */
@ApplicationScoped
public class LinkCreator {

    /** Rows per transaction: beyond a few dozen a bigger batch saves little and holds everyone longer. */
    static final int MAX_BATCH = 64;
    /** Creates waiting for a batch; one more is answered 503 at once instead of queueing without bound. */
    static final int MAX_QUEUED = 1024;

    @Inject
    ShortenerSettings settings;

    @Inject
    ServerAddresses serverAddresses;

    @Inject
    JdbcLinkRows rows;

    @Inject
    LinkCache cache;

    @Inject
    NearLinkCache nearCache;

    @Inject
    LinkService links;

    @EJB
    IdGeneratorService ids;

    private GroupCommit<NewLink, ShortLink> commits;

    /** The created (or, for an idempotent repeat, the existing) link; {@code created} tells which. */
    public record Created(LinkView link, boolean created) {
    }

    @PostConstruct
    void start() {
        commits = new GroupCommit<>(new NewLinkWriter(rows, ids::next, this::evictEverywhere), MAX_BATCH, MAX_QUEUED);
    }

    /** Creates already queued are still stored; new ones are refused (503). */
    @PreDestroy
    void stop() throws InterruptedException {
        commits.close(10, TimeUnit.SECONDS);
    }

    public Created create(CreateLinkCommand command) {
        Instant now = Instant.now();
        String url = settings.urlPolicy(serverAddresses.current()).validate(command.url()).toString();
        String hash = LinkOwner.sha256(url);
        int status = command.redirectStatus() == null ? RedirectType.DEFAULT.status()
                : RedirectType.fromStatus(command.redirectStatus()).status();
        Instant expiresAt = LinkExpiry.parse(command.expiresAt(), now, settings.maxExpiry()).orElse(null);
        boolean alias = command.alias() != null && !command.alias().isBlank();
        if (alias) {
            AliasPolicy.DEFAULT.validate(command.alias());
        } else if (command.idempotent()) {
            Optional<LinkView> existing = links.findIdempotent(command.owner(), hash, now);
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
        }
        ShortLink link = store(new NewLink(alias ? command.alias() : null, url, hash, command.owner().key(), status, now,
                expiresAt));
        return new Created(LinkView.of(link, now), true);
    }

    /** Waits for the batch's IDs and commit; AliasTaken or StorageUnavailable from the writer reach the caller as they are. */
    private ShortLink store(NewLink link) {
        try {
            return commits.submit(link);
        } catch (GroupCommit.Rejected e) {
            throw new ShortenerExceptions.StorageUnavailable("too many creates are waiting for the link database ("
                    + e.getMessage() + ")", e);
        }
    }

    private void evictEverywhere(List<String> codes) {
        codes.forEach(nearCache::evict);
        cache.evictAll(codes);
    }
}
