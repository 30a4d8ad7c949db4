package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.RedisFrontier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

/**
 * Lets any bean {@code @Inject Frontier}: the frontier every server shares, in this server's Redis, with the exact
 * seen set. (A Bloom-filter seen set must be configured identically on every server of a crawl, so it would belong
 * in the crawl's definition; not offered yet.)
 */
@ApplicationScoped
public class FrontierProducer {

    @Inject
    UnifiedJedis redis;

    @Produces
    @ApplicationScoped
    Frontier frontier() {
        return new RedisFrontier(redis);
    }
}
