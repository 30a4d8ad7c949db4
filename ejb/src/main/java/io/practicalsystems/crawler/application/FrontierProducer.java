package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.RedisFrontier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import redis.clients.jedis.UnifiedJedis;

/**
 * Lets any bean {@code @Inject Frontier}: the frontier every server shares, in this server's Redis, each crawl with
 * the seen set its definition chose ({@link CrawlSeenSets}).
 */
@ApplicationScoped
public class FrontierProducer {

    @Inject
    UnifiedJedis redis;

    @Inject
    CrawlSeenSets seenSets;

    @Produces
    @ApplicationScoped
    Frontier frontier() {
        return RedisFrontier.perCrawlSeenSets(redis, "", seenSets);
    }
}
