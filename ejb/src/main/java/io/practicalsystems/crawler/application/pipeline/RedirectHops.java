package io.practicalsystems.crawler.application.pipeline;

import redis.clients.jedis.UnifiedJedis;

/**
 * How many redirects led to a URL, per crawl (a Redis hash, shared by every server): a redirect target is offered as
 * a new URL, so the chain it belongs to is remembered here, and a chain past the limit ends with an error. Loops end
 * by themselves: a target already seen is not admitted again.
 */
public final class RedirectHops {

    private final UnifiedJedis redis;
    private final String prefix;

    /** @param prefix put before every key ("" in production, unique per test) */
    public RedirectHops(UnifiedJedis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /** Redirects that led to {@code url}; 0 for a URL reached by a link, a sitemap or as a seed. */
    public int hopsTo(String crawlId, String url) {
        String hops = redis.hget(new PipelineKeys(prefix, crawlId).redirectHops(), url);
        return hops == null ? 0 : Integer.parseInt(hops);
    }

    /** Records the hops to a redirect target; the first record of a URL stands (the seen set admits it once). */
    public void record(String crawlId, String target, int hops) {
        redis.hsetnx(new PipelineKeys(prefix, crawlId).redirectHops(), target, Integer.toString(hops));
    }
}
