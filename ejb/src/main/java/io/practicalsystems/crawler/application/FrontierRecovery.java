package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.application.store.CrawlStore;
import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.application.store.PageStore;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Notices that Redis lost a crawl's frontier and rebuilds it once, from the page documents ({@link FrontierRebuild}).
 * The seed step sets a marker key with the frontier ({@link FrontierKeys#created()}); a crawl whose document says it
 * was seeded but whose marker is gone lost its Redis data (a Redis restarted without its files). The runs ask
 * {@link #ensure} before they claim and before they call a crawl finished; one server rebuilds, under a lock key,
 * the others wait until it is done.
 *
 * <p>Before rebuilding, the rebuilder waits {@code settle}: fetches in flight when the data went (on any server)
 * store their pages within the fetch deadline, and only pages stored by then are known to be done. Whatever the
 * stray tasks wrote into the empty Redis meanwhile is cleared first.
 */
@ApplicationScoped
public class FrontierRecovery {

    private static final Logger LOG = Logger.getLogger(FrontierRecovery.class.getName());
    private static final int PAGE_BATCH = 500;

    /** What {@link #ensure} found. */
    public enum Check {
        /** The frontier is there (or the crawl has none yet). */
        INTACT,
        /** It was gone and this call rebuilt it. */
        REBUILT,
        /** It is gone and another server (or call) is rebuilding it: wait. */
        REBUILDING
    }

    @Inject
    UnifiedJedis redis;

    @Inject
    Frontier frontier;

    @Inject
    CrawlStore crawls;

    @Inject
    PageStore pages;

    /** Called with the frontier's creation, before the seeds are offered. */
    public void markCreated(String crawlId) {
        redis.set(keys(crawlId).created(), Long.toString(System.currentTimeMillis()));
    }

    /**
     * Rebuilds the crawl's frontier if Redis lost it; blocks for {@code settle} and the rebuild when it does.
     *
     * @param settle how long fetches in flight may still take to store their pages (the fetch deadline and more)
     */
    public Check ensure(String crawlId, Duration settle) {
        FrontierKeys keys = keys(crawlId);
        if (redis.exists(keys.created())) {
            return Check.INTACT;
        }
        if (!needsFrontier(crawlId)) {
            return Check.INTACT;
        }
        String owner = UUID.randomUUID().toString();
        long lockMillis = settle.toMillis() + Duration.ofMinutes(10).toMillis();
        if (!"OK".equals(redis.set(keys.rebuildLock(), owner, SetParams.setParams().nx().px(lockMillis)))) {
            return Check.REBUILDING;
        }
        try {
            if (redis.exists(keys.created())) {
                return Check.INTACT;
            }
            LOG.warning("crawl " + crawlId + ": its frontier is gone from Redis (Redis lost "
                    + "its data); rebuilding it from the stored pages after " + settle.toMillis()
                    + " ms for fetches in flight");
            Thread.sleep(settle.toMillis());
            CrawlDocument crawl = crawls.find(crawlId).orElse(null);
            if (crawl == null || !needsFrontier(crawl)) {
                return Check.INTACT; // stopped or deleted meanwhile: a rebuild would bring back a deleted crawl's keys
            }
            long started = System.currentTimeMillis();
            FrontierRebuild.Result result = rebuild(crawlId, crawl);
            long now = System.currentTimeMillis();
            redis.set(keys.created(), Long.toString(now));
            crawls.markFrontierRebuilt(crawlId, now);
            LOG.warning("crawl " + crawlId + ": frontier rebuilt in " + (now - started) + " ms: " + result.restored()
                    + " stored URLs put back as done, " + result.offered() + " seeds and stored links offered, "
                    + result.admitted() + " of them queued to be fetched");
            return Check.REBUILT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Check.REBUILDING;
        } finally {
            if (owner.equals(redis.get(keys.rebuildLock()))) {
                redis.del(keys.rebuildLock());
            }
        }
    }

    /**
     * Whether the crawl, as its document says now, has a frontier to rebuild: seeded, and RUNNING or PAUSED. A STOPPED
     * or FINISHED crawl claims nothing, and it is the only kind a delete removes — whose key sweep a run still on its
     * way out (its view of the state up to half a second old) must not take for Redis losing the frontier.
     */
    private boolean needsFrontier(String crawlId) {
        return crawls.find(crawlId).map(FrontierRecovery::needsFrontier).orElse(false);
    }

    private static boolean needsFrontier(CrawlDocument crawl) {
        CrawlState state = crawl.crawlState();
        return crawl.seeded() && (state == CrawlState.RUNNING || state == CrawlState.PAUSED);
    }

    private FrontierRebuild.Result rebuild(String crawlId, CrawlDocument crawl) {
        frontier.delete(crawlId); // what stray tasks wrote into the emptied Redis meanwhile
        FrontierRebuild rebuild = new FrontierRebuild(frontier, crawlId, crawl.definition());
        eachPageBatch(crawlId, rebuild::restore);
        rebuild.offerSeeds();
        eachPageBatch(crawlId, rebuild::offerLinks);
        return rebuild.result();
    }

    private void eachPageBatch(String crawlId, Consumer<List<PageDocument>> action) {
        String cursor = null;
        do {
            Listing<PageDocument> batch = pages.page(crawlId, cursor, PAGE_BATCH);
            action.accept(batch.items());
            cursor = batch.next();
        } while (cursor != null);
    }

    private static FrontierKeys keys(String crawlId) {
        return new FrontierKeys("", crawlId);
    }
}
