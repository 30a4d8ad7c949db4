package io.practicalsystems.crawler.frontier;

import java.util.Collection;
import java.util.List;

/**
 * The crawl frontier (Mercator style): a seen set so each URL is admitted at most once per crawl, a queue per host
 * ordered by priority then arrival, and per host a next-allowed-fetch time and a lease, so that a host is worked
 * by one worker at a time and no sooner than its delay allows. Every method is atomic with respect to the others.
 *
 * <p>Crawl ids: 1 to {@value FrontierArgs#MAX_CRAWL_ID_LENGTH} characters, none of them braces or whitespace.
 */
public interface Frontier {

    /** Admits each URL not seen before and within the limits; URLs are counted in the result exactly once. */
    OfferResult offer(String crawlId, Collection<FrontierUrl> urls, FrontierLimits limits);

    /**
     * At most one claim per host; only hosts whose next fetch time has come and that no live lease holds;
     * never past maxPages (fetched + in flight) or maxPagesPerHost. Expired leases are reclaimed first:
     * their URLs go back to their host queue (attempt unchanged). Among the hosts that are due, the one whose
     * next URL has the lowest priority value goes first (then the one due longest).
     *
     * @param maxClaims 1 to {@value FrontierArgs#MAX_CLAIMS}
     * @param leaseMs   how long the host stays leased to {@code workerId}, 1 to {@value FrontierArgs#MAX_LEASE_MS}
     */
    default List<Claim> claim(String crawlId, String workerId, int maxClaims, long leaseMs, FrontierLimits limits) {
        return claim(crawlId, workerId, maxClaims, leaseMs, limits, 0);
    }

    /**
     * As {@link #claim(String, String, int, long, FrontierLimits)}, but a host due within {@code aheadMs} may be
     * claimed already: its claim says how long until it is due ({@link Claim#dueInMillis}), and the worker must not
     * request anything from the host before then. Claiming ahead hides the time between a host becoming due and its
     * request leaving (claim, queueing, task start) without shortening any host's delay.
     *
     * @param aheadMs 0 to {@value FrontierArgs#MAX_CLAIM_AHEAD_MS}
     */
    List<Claim> claim(String crawlId, String workerId, int maxClaims, long leaseMs, FrontierLimits limits,
                      long aheadMs);

    /** false (and nothing changes) when the claim is stale: its lease expired and the URL was re-claimed. */
    boolean complete(String crawlId, Claim claim, Completion completion);

    /**
     * Whether the claim is still this worker's to act on: not completed, and its lease not expired (an expired
     * lease may be reclaimed and its URL fetched by another worker at any moment). A redelivered or late fetch task
     * checks this before it fetches, so a URL whose claim was completed or taken over is not fetched again.
     */
    default boolean holds(String crawlId, Claim claim) {
        return leaseLeftMillis(crawlId, claim) > 0;
    }

    /**
     * How long the claim stays this worker's, on the frontier's clock: its lease's time left, 0 when it is not
     * held ({@link #holds}). One call for a fetch task's check, which needs both.
     */
    long leaseLeftMillis(String crawlId, Claim claim);

    /**
     * How long until a claim may find work if nothing is completed meanwhile: 0 when an idle host with queued URLs
     * is due or a lease has expired, else the time until the first of those (a lease's expiry included), and
     * {@link Long#MAX_VALUE} when nothing is queued and nothing is in flight. A claim loop sleeps
     * {@code min(this, its poll interval)} so that it neither polls a waiting frontier nor oversleeps a host's delay.
     */
    long millisUntilDue(String crawlId);

    FrontierStats stats(String crawlId);

    /**
     * The chance that the crawl's next new URL is taken for seen and never crawled: 0 for an exact seen set, for a
     * Bloom filter the estimate from how many of its bits are set.
     */
    default double seenFalsePositiveRate(String crawlId) {
        return 0;
    }

    /**
     * Hosts in host-key order.
     *
     * @param cursor null for the first page, else a previous page's {@link HostPage#next()}
     * @param limit  1 to {@value FrontierArgs#MAX_HOST_PAGE}
     */
    HostPage hosts(String crawlId, String cursor, int limit);

    /**
     * Nothing queued and nothing in flight. A crawl stopped by maxPages may still have URLs queued: its caller
     * sees that from {@link FrontierStats#fetched()}.
     */
    boolean exhausted(String crawlId);

    /**
     * Puts URLs whose fetch is done back as seen and counted, without queuing them: how a frontier lost with its
     * Redis data is rebuilt from the stored pages (then their links are offered again, and the seen set admits only
     * what was not done). A URL already seen is left alone.
     *
     * @return how many URLs were restored
     */
    int restore(String crawlId, Collection<RestoredUrl> urls);

    /** Removes every trace of the crawl. */
    void delete(String crawlId);

    /** The frontier's clock (Redis TIME for RedisFrontier), the one every server shares. */
    long nowMillis();
}
