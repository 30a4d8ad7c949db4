package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.CrawlSettings;
import io.practicalsystems.crawler.application.pipeline.PipelineOptions;
import io.practicalsystems.crawler.dedup.NearDuplicateBands;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The fetch pipeline's settings beyond {@link CrawlSettings} (MicroProfile Config {@code ps.crawler.*}, env
 * {@code PS_CRAWLER_*}); out-of-range values fail the start with the key's name.
 */
@ApplicationScoped
public class PipelineSettings {

    @Inject
    CrawlSettings crawl;

    /** Tries of one URL with transient errors (and of an unreadable robots.txt) before it fails for good. */
    @Inject
    @ConfigProperty(name = "ps.crawler.max-attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "ps.crawler.backoff.base.ms", defaultValue = "2000")
    long backoffBaseMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.backoff.max.ms", defaultValue = "600000")
    long backoffMaxMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.max-crawl-delay.ms", defaultValue = "30000")
    long maxCrawlDelayMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.robots.cache.ms", defaultValue = "86400000")
    long robotsCacheMillis;

    /** How long an unreadable robots.txt (5xx, timeout) keeps its host from being fetched. */
    @Inject
    @ConfigProperty(name = "ps.crawler.robots.retry.ms", defaultValue = "600000")
    long robotsRetryMillis;

    /** The whole fetch, first byte sent to last received (a server that drips bytes is cut off). */
    @Inject
    @ConfigProperty(name = "ps.crawler.fetch-deadline.ms", defaultValue = "30000")
    long fetchDeadlineMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.max-stored-links", defaultValue = "200")
    int maxStoredLinks;

    /** How often this server looks for RUNNING crawls it has no run of (to join or resume them). */
    @Inject
    @ConfigProperty(name = "ps.crawler.join-interval.ms", defaultValue = "5000")
    long joinIntervalMillis;

    @PostConstruct
    void validate() {
        check("ps.crawler.max-attempts", maxAttempts, 1, 100);
        check("ps.crawler.backoff.base.ms", backoffBaseMillis, 0, 3_600_000);
        check("ps.crawler.backoff.max.ms", backoffMaxMillis, backoffBaseMillis, 86_400_000);
        check("ps.crawler.max-crawl-delay.ms", maxCrawlDelayMillis, 0, 3_600_000);
        check("ps.crawler.robots.cache.ms", robotsCacheMillis, 1000, 7L * 86_400_000);
        check("ps.crawler.robots.retry.ms", robotsRetryMillis, 100, 86_400_000);
        check("ps.crawler.fetch-deadline.ms", fetchDeadlineMillis, 100, crawl.leaseMillis() / 2);
        check("ps.crawler.max-stored-links", maxStoredLinks, 0, 10_000);
        check("ps.crawler.simhash-threshold", crawl.simHashThreshold(), 0, NearDuplicateBands.MAX_DISTANCE_LIMIT);
        check("ps.crawler.join-interval.ms", joinIntervalMillis, 100, 600_000);
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException(key + " (env " + key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()
                    + ") must be in " + min + ".." + max + ", got " + value);
        }
    }

    /**
     * The pipeline's options: a task whose claim has less lease left than the fetch deadline plus 5 s is given back
     * rather than fetched.
     */
    public PipelineOptions pipelineOptions() {
        return new PipelineOptions(crawl.userAgent(), maxAttempts, backoffBaseMillis, backoffMaxMillis,
                maxCrawlDelayMillis, Duration.ofMillis(robotsCacheMillis), Duration.ofMillis(robotsRetryMillis),
                crawl.maxRedirects(), crawl.simHashThreshold(), maxStoredLinks, 50_000,
                Math.min(fetchDeadlineMillis + 5_000, crawl.leaseMillis() / 2));
    }

    public Duration fetchDeadline() {
        return Duration.ofMillis(fetchDeadlineMillis);
    }

    public long joinIntervalMillis() {
        return joinIntervalMillis;
    }

    /** Tasks this server keeps dispatched and unfinished at most: twice what its fetch MDB runs at once. */
    public int inFlightBound() {
        return 2 * crawl.fetchConcurrency();
    }
}
