package io.practicalsystems.crawler.bench;

import io.practicalsystems.crawler.testweb.AccessLogs;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the benchmark web's access log says about a crawl: requests and HTML pages served, the span from the first
 * request to the last and the rates over it, the smallest gap between two requests to one host ({@link AccessLogs}),
 * the mean gap, requests to one host in progress at once, and URLs requested twice. The politeness rate counts
 * every request (robots.txt and sitemap requests take a politeness turn too) and leaves each host's first request
 * out: hosts worked at exactly one request per d from the start give H/d.
 */
record AccessReport(long requests, long pages, long doubles, long overlaps, int hosts, double spanSeconds,
                    double requestRate, double pageRate, double minGapMs, String minGapHost, long hostsBelowDelay,
                    double meanGapMs) {

    static AccessReport of(List<TestWeb.Access> log, BenchSite site, int port, long delayMs) {
        long pages = log.stream().filter(a -> a.status() == 200 && site.page(a.pathAndQuery()) >= 0).count();
        long first = log.stream().mapToLong(TestWeb.Access::arrivalNanos).min().orElse(0);
        long last = log.stream().mapToLong(TestWeb.Access::arrivalNanos).max().orElse(0);
        Map<String, long[]> perHost = new HashMap<>(); // first arrival, last arrival, requests
        for (TestWeb.Access access : log) {
            perHost.merge(access.host(), new long[] {access.arrivalNanos(), access.arrivalNanos(), 1},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1]), a[2] + b[2]});
        }
        double gapNanos = perHost.values().stream().mapToLong(h -> h[1] - h[0]).sum();
        long gaps = perHost.values().stream().mapToLong(h -> h[2] - 1).sum();
        Map<String, Duration> smallest = AccessLogs.smallestGapPerHost(log);
        Map.Entry<String, Duration> min = smallest.entrySet().stream().min(Map.Entry.comparingByValue()).orElse(null);
        long below = smallest.values().stream().filter(gap -> gap.toMillis() < delayMs).count();
        double span = (last - first) / 1e9;
        int hosts = perHost.size();
        return new AccessReport(log.size(), pages, AccessLogs.requestedMoreThanOnce(log, port).size(),
                AccessLogs.overlapsPerHost(log).size(), hosts, span, span > 0 ? (log.size() - hosts) / span : 0,
                span > 0 ? pages / span : 0, min == null ? 0 : min.getValue().toNanos() / 1e6,
                min == null ? "-" : min.getKey(), below, gaps == 0 ? 0 : gapNanos / gaps / 1e6);
    }

    /** key=value lines, for the shell script. */
    String lines() {
        return String.format(Locale.ROOT, """
                requests=%d
                pages=%d
                doubles=%d
                overlaps=%d
                hosts=%d
                span_s=%.2f
                request_rate=%.2f
                page_rate=%.2f
                min_gap_ms=%.1f
                min_gap_host=%s
                hosts_below_delay=%d
                mean_gap_ms=%.1f
                """, requests, pages, doubles, overlaps, hosts, spanSeconds, requestRate, pageRate, minGapMs,
                minGapHost, hostsBelowDelay, meanGapMs);
    }
}
