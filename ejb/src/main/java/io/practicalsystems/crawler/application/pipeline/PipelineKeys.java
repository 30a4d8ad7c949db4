package io.practicalsystems.crawler.application.pipeline;

/**
 * The pipeline's Redis keys for one crawl, all under {@code <prefix>crawler:{<crawlId>}:} — the crawl id is the Redis
 * Cluster hash tag, as for the frontier's and the counters' keys, so a crawl's keys live on one shard and one Lua
 * script may touch several of them.
 */
final class PipelineKeys {

    private final String base;

    PipelineKeys(String prefix, String crawlId) {
        this.base = prefix + "crawler:{" + crawlId + "}:";
    }

    /** STRING (JSON) per origin: the robots.txt response, expiring with the decision made from it. */
    String robots(String origin) {
        return base + "robots:" + origin;
    }

    /** HASH SHA-256 of a body → the first URL seen with it. */
    String contentHashes() {
        return base + "sha";
    }

    /** SET per SimHash band value: members {@code <high 32 bits>,<low 32 bits>,<url>}. */
    String band(String bandKey) {
        return base + "band:" + bandKey;
    }

    /** HASH redirect target URL → redirect hops that led to it. */
    String redirectHops() {
        return base + "hops";
    }
}
