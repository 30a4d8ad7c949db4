package io.practicalsystems.crawler.frontier;

import java.util.List;

/**
 * The Redis key names of one crawl's frontier, all under {@code <prefix>crawl:{<crawlId>}:}. The braces are a Redis
 * Cluster hash tag: every key of a crawl hashes to one slot, so the Lua scripts may touch any of them atomically
 * (multi-key scripts need one slot) — the scripts build per-host keys from {@link #base()} rather than declaring
 * them, which Redis Cluster accepts only because of this. Scaling past one Redis is then by crawl (each crawl on
 * one shard), not within a crawl. The Lua scripts under {@code META-INF/crawler/frontier/} repeat the per-host
 * suffixes ({@code q:}, {@code h:}): change them together.
 */
public final class FrontierKeys {

    private final String base;

    /** @param prefix e.g. a unique prefix per test, else "" */
    public FrontierKeys(String prefix, String crawlId) {
        this.base = prefix + "crawl:{" + FrontierArgs.crawlId(crawlId) + "}:";
    }

    /** What every key of the crawl starts with. */
    public String base() {
        return base;
    }

    /** SET of the admitted URLs' 128-bit hashes. */
    public String seen() {
        return base + "seen";
    }

    /** The bits of the seen set's Bloom filter, when a crawl uses one ({@link SeenBloomFilter}). */
    public String seenBloom() {
        return base + "seenbloom";
    }

    /** ZSET host key → next fetch time (ms); holds exactly the hosts with queued URLs and no lease. */
    public String ready() {
        return base + "ready";
    }

    /** ZSET of every host key, all scored 0 so ZRANGEBYLEX pages through them in byte order. */
    public String hosts() {
        return base + "hosts";
    }

    /** ZSET claim token → lease expiry (ms). */
    public String inFlight() {
        return base + "inflight";
    }

    /** HASH claim token → JSON {h: host key, p: priority, e: queue entry}. */
    public String claims() {
        return base + "claims";
    }

    /** HASH admitted, queued, fetched, failed, skipped, seq (arrival counter), tokens (claim counter). */
    public String counters() {
        return base + "counters";
    }

    /** HASH path key → URLs admitted under it (query variants). */
    public String pathVariants() {
        return base + "pathvariants";
    }

    /**
     * STRING set when the crawl's frontier is created (before its seeds are offered). Its absence while the crawl's
     * document says it was seeded means Redis lost the crawl's data: the frontier is then rebuilt from the pages.
     */
    public String created() {
        return base + "created";
    }

    /** STRING held (SET NX PX) by the one server rebuilding the crawl's frontier. */
    public String rebuildLock() {
        return base + "rebuilding";
    }

    /** ZSET of a host's queued URLs, scored by priority, members {@code <seq>|<attempt>|<depth>|<kind>|<url>}. */
    public String hostQueue(String hostKey) {
        return base + "q:" + hostKey;
    }

    /** HASH of a host: admitted, fetched, errors, consecutive, next, delay, lease, leasedBy, leaseExpires. */
    public String host(String hostKey) {
        return base + "h:" + hostKey;
    }

    /** The keys that are not per host (the rebuild lock excepted: it expires, and a rebuild deletes the rest). */
    public List<String> crawlWide() {
        return List.of(seen(), seenBloom(), ready(), hosts(), inFlight(), claims(), counters(), pathVariants(),
                created());
    }
}
