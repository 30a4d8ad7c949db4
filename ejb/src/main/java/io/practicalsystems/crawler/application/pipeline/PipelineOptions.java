package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.politeness.HostDelayPolicy;
import io.practicalsystems.crawler.robots.RobotsPolicy;
import java.time.Duration;
import java.util.Locale;

/**
 * How the pipeline treats what it fetches (server-wide; per-crawl limits live in the crawl's definition).
 *
 * @param userAgent        the whole User-Agent header
 * @param maxAttempts      tries of one URL (transient errors: 429, 5xx, timeouts, connection errors; robots.txt
 *                         unavailable) before it is FAILED for good
 * @param backoffBaseMs    host delay after its first consecutive error, doubling per further error
 * @param backoffMaxMs     longest host delay after errors (Retry-After included)
 * @param maxCrawlDelayMs  longest robots.txt Crawl-delay honoured
 * @param robotsCacheTtl   how long a robots.txt that was read (or is absent) is kept
 * @param robotsRetry      how long an unreadable robots.txt (5xx, timeout) blocks its host before it is tried again
 * @param maxRedirects     redirect hops followed from a URL the crawl reached by a link; one more is an error
 * @param simHashThreshold pages whose SimHashes differ in at most this many bits are near-duplicates
 * @param maxStoredLinks   outlinks kept in a page's document (to rebuild a lost frontier from the documents)
 * @param maxSitemapUrls   URLs taken from one sitemap
 * @param minLeaseLeftMs   a task whose claim has less lease left than this is given back instead of fetched
 *                         (its fetch could outlive the lease and race a worker that reclaimed it)
 */
public record PipelineOptions(String userAgent, int maxAttempts, long backoffBaseMs, long backoffMaxMs,
                              long maxCrawlDelayMs, Duration robotsCacheTtl, Duration robotsRetry, int maxRedirects,
                              int simHashThreshold, int maxStoredLinks, int maxSitemapUrls, long minLeaseLeftMs) {

    public PipelineOptions {
        if (maxAttempts < 1 || maxRedirects < 0 || maxStoredLinks < 0 || maxSitemapUrls < 1 || minLeaseLeftMs < 0) {
            throw new IllegalArgumentException("pipeline options out of range");
        }
    }

    /** 3 attempts, backoff 2 s to 10 min, Crawl-delay up to 30 s, robots.txt kept 24 h (10 min when unreadable). */
    public static PipelineOptions defaults(String userAgent) {
        return new PipelineOptions(userAgent, 3, 2_000, 600_000, 30_000, Duration.ofHours(24), Duration.ofMinutes(10),
                5, 3, 200, 50_000, 35_000);
    }

    /** The product token robots.txt groups are matched against: the User-Agent up to its first '/' or space. */
    public String userAgentToken() {
        String token = userAgent.strip().split("[/ ]", 2)[0];
        return token.toLowerCase(Locale.ROOT);
    }

    public RobotsPolicy robotsPolicy() {
        return new RobotsPolicy(robotsCacheTtl, robotsRetry, maxCrawlDelayMs);
    }

    /** The delays of a crawl whose definition asks for at least {@code minDelayMs} between fetches from one host. */
    public HostDelayPolicy delayPolicy(long minDelayMs) {
        return new HostDelayPolicy(minDelayMs, maxCrawlDelayMs, backoffBaseMs, Math.max(backoffBaseMs, backoffMaxMs));
    }
}
