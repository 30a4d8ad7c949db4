package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierLimits;
import io.practicalsystems.crawler.frontier.FrontierStats;
import java.util.List;

/**
 * One server's share of a running crawl, one decision at a time: claim what is due (as much as the fetch pipeline
 * can take), wait when nothing is or while the crawl is PAUSED, end when it is over (STOPPED, or nothing left to
 * fetch: then FINISHED). The
 * {@code crawl-run} job's reader drives it; plain Java so the decisions are tested on the in-memory frontier.
 */
public final class ClaimLoop {

    /** Most claims asked for in one frontier call. */
    static final int MAX_CLAIMS_PER_CALL = 100;

    /** What to do next. */
    public sealed interface Step permits Claimed, Wait, End {
    }

    /** Dispatch these. */
    public record Claimed(List<Claim> claims) implements Step {
    }

    /**
     * Nothing due, the pipeline is full or the crawl is paused: wait and ask again. {@code millis} is how long the
     * frontier can have nothing to claim ({@link Frontier#millisUntilDue}; {@link Long#MAX_VALUE}: no telling); the
     * caller sleeps the smaller of it and its poll interval, so it neither polls a waiting frontier nor oversleeps a
     * host's delay (every millisecond overslept is lost from the politeness bound).
     */
    public record Wait(long millis) implements Step {
    }

    /**
     * Stop dispatching. {@code finished}: the crawl is done (nothing queued or in flight, or maxPages fetched and
     * nothing in flight), and the caller moves it to FINISHED; otherwise it is over (STOPPED) or not started.
     */
    public record End(String reason, boolean finished) implements Step {
    }

    /** Wait with no estimate: the caller's poll interval decides. */
    public static final Wait WAIT = new Wait(Long.MAX_VALUE);

    private final Frontier frontier;
    private final String crawlId;
    private final String workerId;
    private final long leaseMillis;
    private final FrontierLimits limits;
    private final long aheadMillis;

    public ClaimLoop(Frontier frontier, String crawlId, String workerId, long leaseMillis, FrontierLimits limits) {
        this(frontier, crawlId, workerId, leaseMillis, limits, 0);
    }

    /** @param aheadMillis claim hosts due within this long already (their tasks wait; {@link Frontier#claim}) */
    public ClaimLoop(Frontier frontier, String crawlId, String workerId, long leaseMillis, FrontierLimits limits,
                     long aheadMillis) {
        this.frontier = frontier;
        this.crawlId = crawlId;
        this.workerId = workerId;
        this.leaseMillis = leaseMillis;
        this.limits = limits;
        this.aheadMillis = aheadMillis;
    }

    /**
     * @param state    the crawl's state as last read
     * @param capacity how many more claims the fetch pipeline takes now
     */
    public Step next(CrawlState state, int capacity) {
        if (state == CrawlState.PAUSED) {
            return WAIT; // the run stays, idle, so a resume needs no new one
        }
        if (state != CrawlState.RUNNING) {
            return new End("NOT_RUNNING=" + state, false);
        }
        if (capacity <= 0) {
            return WAIT;
        }
        List<Claim> claims = frontier.claim(crawlId, workerId, Math.min(capacity, MAX_CLAIMS_PER_CALL), leaseMillis,
                limits, aheadMillis);
        if (!claims.isEmpty()) {
            return new Claimed(claims);
        }
        FrontierStats stats = frontier.stats(crawlId);
        if (stats.inFlight() == 0 && stats.queued() == 0) {
            return new End("EXHAUSTED", true);
        }
        if (stats.inFlight() == 0 && stats.fetched() >= limits.maxPages()) {
            return new End("MAX_PAGES", true);
        }
        long untilDue = frontier.millisUntilDue(crawlId);
        return new Wait(untilDue == Long.MAX_VALUE ? untilDue : Math.max(0, untilDue - aheadMillis));
    }
}
