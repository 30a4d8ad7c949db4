package io.practicalsystems.crawler.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The crawler's settings (MicroProfile Config keys {@code ps.crawler.*}, env {@code PS_CRAWLER_*}; server.xml holds
 * the defaults as {@code <variable>}s). Out-of-range values fail the start with the key's name, never silently.
 * Per-crawl limits a definition leaves out come from {@code ps.crawler.default.*}.
 */
@ApplicationScoped
public class CrawlSettings {

    /** A page that says who runs the crawler and how to reach them; part of the User-Agent. */
    @Inject
    @ConfigProperty(name = "ps.crawler.contact-url", defaultValue = "https://practicalsystems.io/crawler")
    String contactUrl;

    /** The whole User-Agent header; default {@code PracticalSystemsCrawler/0.1 (+<contact URL>)}. */
    @Inject
    @ConfigProperty(name = "ps.crawler.user-agent")
    Optional<String> userAgent;

    /** DNS server as host:port; unset or empty: the system's resolvers. */
    @Inject
    @ConfigProperty(name = "ps.crawler.dns-server")
    Optional<String> dnsServer;

    /** Fetches this server runs at once (the fetch MDB's bound, and how many claims the run keeps in flight). */
    @Inject
    @ConfigProperty(name = "ps.crawler.fetch-concurrency", defaultValue = "8")
    int fetchConcurrency;

    /** How long a claimed URL (and its host) stays leased to this server before another may take it over. */
    @Inject
    @ConfigProperty(name = "ps.crawler.lease.ms", defaultValue = "60000")
    long leaseMillis;

    /**
     * How long before a host is due this server may claim it already; the fetch task then waits until it is due.
     * Hides the claim-to-request latency (queueing, task start) from the politeness bound without shortening any delay.
     */
    @Inject
    @ConfigProperty(name = "ps.crawler.claim-ahead.ms", defaultValue = "250")
    long claimAheadMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.max-body-bytes", defaultValue = "2097152")
    int maxBodyBytes;

    @Inject
    @ConfigProperty(name = "ps.crawler.connect-timeout.ms", defaultValue = "5000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.read-timeout.ms", defaultValue = "15000")
    long readTimeoutMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.max-redirects", defaultValue = "5")
    int maxRedirects;

    /** Pages whose 64-bit SimHashes differ in at most this many bits are near-duplicates. */
    @Inject
    @ConfigProperty(name = "ps.crawler.simhash-threshold", defaultValue = "8")
    int simHashThreshold;

    /** pagesPerSecond in the status view: pages fetched over this many recent seconds, divided by them. */
    @Inject
    @ConfigProperty(name = "ps.crawler.rate-window.s", defaultValue = "10")
    int rateWindowSeconds;

    /** Largest {@code limit} of a page listing. */
    @Inject
    @ConfigProperty(name = "ps.crawler.page.max", defaultValue = "100")
    int maxPageSize;

    /**
     * Longest the run's dispatcher sleeps before asking the frontier again when nothing was claimable (it sleeps less
     * when the frontier says a host is due sooner): bounds how late a host freed by a completion is claimed.
     */
    @Inject
    @ConfigProperty(name = "ps.crawler.dispatch.idle.ms", defaultValue = "200")
    long dispatchIdleMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-depth", defaultValue = "5")
    int defaultMaxDepth;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-pages", defaultValue = "10000")
    long defaultMaxPages;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-pages-per-host", defaultValue = "1000")
    long defaultMaxPagesPerHost;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.min-delay.ms", defaultValue = "1000")
    long defaultMinDelayMillis;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-url-length", defaultValue = "2048")
    int defaultMaxUrlLength;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-path-repetitions", defaultValue = "3")
    int defaultMaxPathRepetitions;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.max-query-variants-per-path", defaultValue = "100")
    int defaultMaxQueryVariantsPerPath;

    @Inject
    @ConfigProperty(name = "ps.crawler.default.sort-query-parameters", defaultValue = "true")
    boolean defaultSortQueryParameters;

    /** The most URLs a crawl's Bloom-filter seen set may be sized for. */
    @Inject
    @ConfigProperty(name = "ps.crawler.seen-bloom.max-expected-urls", defaultValue = "10000000")
    long seenBloomMaxExpectedUrls;

    /** The most bytes a crawl's Bloom-filter seen set may take in Redis (64 MiB: 56 million URLs at 1 %). */
    @Inject
    @ConfigProperty(name = "ps.crawler.seen-bloom.max-bytes", defaultValue = "67108864")
    long seenBloomMaxBytes;

    /** This server process as the frontier's worker: "host:pid:random", new at every start. */
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName().replace('@', ':') + ":"
            + UUID.randomUUID().toString().substring(0, 8);

    private CrawlDefinition.Defaults defaults;

    @PostConstruct
    void validate() {
        check("ps.crawler.fetch-concurrency", fetchConcurrency, 1, 1024);
        check("ps.crawler.lease.ms", leaseMillis, 1000, 3_600_000);
        check("ps.crawler.claim-ahead.ms", claimAheadMillis, 0, 1000);
        check("ps.crawler.max-body-bytes", maxBodyBytes, 1024, 256L * 1024 * 1024);
        check("ps.crawler.connect-timeout.ms", connectTimeoutMillis, 100, 600_000);
        check("ps.crawler.read-timeout.ms", readTimeoutMillis, 100, 600_000);
        check("ps.crawler.max-redirects", maxRedirects, 0, 20);
        check("ps.crawler.simhash-threshold", simHashThreshold, 0, 32);
        check("ps.crawler.rate-window.s", rateWindowSeconds, 1, 3600);
        check("ps.crawler.page.max", maxPageSize, 1, 1000);
        check("ps.crawler.dispatch.idle.ms", dispatchIdleMillis, 10, 10_000);
        if (dnsServer.isPresent() && !dnsServer.get().isBlank() && !dnsServer.get().strip().matches(".+:\\d{1,5}")) {
            throw new IllegalStateException("ps.crawler.dns-server (PS_CRAWLER_DNS_SERVER) must be host:port, got '"
                    + dnsServer.get() + "'");
        }
        try {
            defaults = new CrawlDefinition.Defaults(defaultMaxDepth, defaultMaxPages, defaultMaxPagesPerHost,
                    defaultMinDelayMillis, defaultMaxUrlLength, defaultMaxPathRepetitions,
                    defaultMaxQueryVariantsPerPath, defaultSortQueryParameters,
                    new SeenSetDefinition.Bounds(seenBloomMaxExpectedUrls, seenBloomMaxBytes));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("ps.crawler.default.*, ps.crawler.seen-bloom.*: " + e.getMessage(), e);
        }
    }

    private static void check(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalStateException(key + " (env " + key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase()
                    + ") must be in " + min + ".." + max + ", got " + value);
        }
    }

    public String userAgent() {
        return userAgent.filter(s -> !s.isBlank()).map(String::strip)
                .orElse("PracticalSystemsCrawler/0.1 (+" + contactUrl.strip() + ")");
    }

    /** host:port of the DNS server to ask, or empty for the system's resolvers. */
    public Optional<String> dnsServer() {
        return dnsServer.map(String::strip).filter(s -> !s.isEmpty());
    }

    public int fetchConcurrency() {
        return fetchConcurrency;
    }

    public long leaseMillis() {
        return leaseMillis;
    }

    public long claimAheadMillis() {
        return claimAheadMillis;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMillis);
    }

    public Duration readTimeout() {
        return Duration.ofMillis(readTimeoutMillis);
    }

    public int maxRedirects() {
        return maxRedirects;
    }

    public int simHashThreshold() {
        return simHashThreshold;
    }

    public int rateWindowSeconds() {
        return rateWindowSeconds;
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    public long dispatchIdleMillis() {
        return dispatchIdleMillis;
    }

    public CrawlDefinition.Defaults definitionDefaults() {
        return defaults;
    }

    /** This server process as a frontier worker (claims and host leases are held under this id). */
    public String workerId() {
        return workerId;
    }
}
