package io.practicalsystems.crawler.testweb;

import io.practicalsystems.crawler.testweb.ScenarioPages.Kind;
import io.practicalsystems.crawler.testweb.ScenarioPages.Resource;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The crawler's test web: {@code hosts} names {@code h00.crawl.test} … served by one {@link TestWeb}, each resolved
 * by a {@link TestDnsServer} to its own loopback address (127.0.1.1, 127.0.1.2, …). The special hosts
 * ({@link ScenarioHost}) hold every case a crawler must handle; the rest are plain linked sites. Start it, point
 * the crawler's DNS at {@link #dnsServer()} (and allow private addresses), seed it with {@link #seeds()}, then
 * compare the access log with what this class says should have happened.
 *
 * <p>From an ear IT (the ejb test-jar is on its test classpath):
 * <pre>{@code
 * ScenarioWeb scenario = ScenarioWeb.start();              // DNS on 127.0.0.1:<free>, HTTP on 0.0.0.0:<free>
 * LibertyServer server = new LibertyServerBuilder(...)
 *         .env("PS_CRAWLER_DNS_SERVER", scenario.dnsServer()) // the crawler resolves names through it
 *         .build();
 * // POST /api/crawls {"seeds": scenario.seeds(), "allowedDomains": ["crawl.test"], "allowPrivateAddresses": true, ...}
 * // then: scenario.pageRequests(), scenario.expectedFetches(maxDepth, ...), scenario.disallowed(), ...
 * }</pre>
 */
public final class ScenarioWeb implements AutoCloseable {

    /** The knobs; {@link #defaults()} are what the ITs use unless they need otherwise. */
    public record Settings(int hosts, int pagesPerHost, int crawlDelaySeconds, int retryAfterSeconds, long hugeBytes,
                           int bombDecodedBytes, Duration slow, int dnsTtlSeconds, int negativeTtlSeconds) {

        public Settings {
            if (hosts < ScenarioHost.FIRST_PLAIN + 1 || hosts > 5000) {
                throw new IllegalArgumentException("hosts must be from " + (ScenarioHost.FIRST_PLAIN + 1) + " to 5000");
            }
            if (pagesPerHost < 1) {
                throw new IllegalArgumentException("at least one page per host");
            }
        }

        /**
         * 50 hosts, 5 pages each, Crawl-delay 1 s, Retry-After 2 s, 3 MiB huge page, 20 MiB gzip bomb, 45 s slow
         * (the slow page and slow robots.txt must outlast the fetcher's deadline: FetchOptions' default is 30 s).
         */
        public static Settings defaults() {
            return new Settings(50, 5, 1, 2, 3L << 20, 20 << 20, Duration.ofSeconds(45), 300, 60);
        }

        public Settings withHosts(int n) {
            return new Settings(n, pagesPerHost, crawlDelaySeconds, retryAfterSeconds, hugeBytes, bombDecodedBytes, slow,
                    dnsTtlSeconds, negativeTtlSeconds);
        }

        public Settings withPagesPerHost(int n) {
            return new Settings(hosts, n, crawlDelaySeconds, retryAfterSeconds, hugeBytes, bombDecodedBytes, slow,
                    dnsTtlSeconds, negativeTtlSeconds);
        }

        public Settings withCrawlDelaySeconds(int seconds) {
            return new Settings(hosts, pagesPerHost, seconds, retryAfterSeconds, hugeBytes, bombDecodedBytes, slow,
                    dnsTtlSeconds, negativeTtlSeconds);
        }

        public Settings withSlow(Duration slow) {
            return new Settings(hosts, pagesPerHost, crawlDelaySeconds, retryAfterSeconds, hugeBytes, bombDecodedBytes,
                    slow, dnsTtlSeconds, negativeTtlSeconds);
        }

        public Settings withDnsTtlSeconds(int seconds) {
            return new Settings(hosts, pagesPerHost, crawlDelaySeconds, retryAfterSeconds, hugeBytes, bombDecodedBytes,
                    slow, seconds, negativeTtlSeconds);
        }
    }

    private final Settings settings;
    private final TestDnsServer dns;
    private final TestWeb web;
    private final ScenarioSite site;

    private ScenarioWeb(Settings settings, TestDnsServer dns, TestWeb web) {
        this.settings = settings;
        this.dns = dns;
        this.web = web;
        this.site = new ScenarioSite(settings, web.port());
        for (int i = 0; i < settings.hosts(); i++) {
            String host = ScenarioSite.hostName(i);
            dns.put(host, address(i), settings.dnsTtlSeconds());
            web.site(host, exchange -> {
                String pathAndQuery = exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
                Resource resource = site.resources.get("http://" + host + ":" + web.port() + pathAndQuery);
                if (resource == null) {
                    resource = site.trap(host, pathAndQuery);
                }
                if (resource == null) {
                    Respond.text(exchange, 404, "not found");
                } else {
                    resource.responder().respond(exchange);
                }
            });
        }
    }

    public static ScenarioWeb start() throws IOException {
        return start(Settings.defaults());
    }

    public static ScenarioWeb start(Settings settings) throws IOException {
        TestDnsServer dns = TestDnsServer.start(settings.negativeTtlSeconds());
        try {
            return new ScenarioWeb(settings, dns, TestWeb.start());
        } catch (IOException | RuntimeException e) {
            dns.close();
            throw e;
        }
    }

    public Settings settings() {
        return settings;
    }

    public TestDnsServer dns() {
        return dns;
    }

    public TestWeb web() {
        return web;
    }

    /** The HTTP port every host is served on (part of every URL). */
    public int port() {
        return web.port();
    }

    /** The DNS server as {@code 127.0.0.1:port}, for the crawler's DNS setting. */
    public String dnsServer() {
        return dns.hostPort();
    }

    public String host(int index) {
        return ScenarioSite.hostName(index);
    }

    public String host(ScenarioHost role) {
        return host(role.index());
    }

    public List<String> hosts() {
        return IntStream.range(0, settings.hosts()).mapToObj(ScenarioSite::hostName).toList();
    }

    /** The loopback address host {@code index} resolves to: 127.0.1.1, … 127.0.1.250, 127.0.2.1, … */
    public static String address(int index) {
        return "127.0." + (1 + index / 250) + "." + (1 + index % 250);
    }

    public String url(int host, String pathAndQuery) {
        return site.url(host, pathAndQuery);
    }

    public String url(ScenarioHost role, String pathAndQuery) {
        return site.url(role.index(), pathAndQuery);
    }

    /** The crawl's seed: the hub's home page. */
    public List<String> seeds() {
        return List.of(url(ScenarioHost.HUB, "/"));
    }

    /** A URL the hub links to whose host does not resolve. */
    public String missingHostUrl() {
        return "http://" + ScenarioSite.MISSING_HOST + ":" + port() + "/";
    }

    /** Every URL the site defines, except robots.txt and sitemaps (the traps' endless pages are not listed). */
    public Set<String> urls() {
        return urlsOf(kind -> kind != Kind.ROBOTS && kind != Kind.SITEMAP);
    }

    /** The URLs of well-formed 200 text/html pages (including the duplicates, the charset and trap-entry pages). */
    public Set<String> htmlPages() {
        return urlsOf(kind -> kind == Kind.PAGE);
    }

    /** robots.txt and sitemap URLs: requests for these are not page fetches. */
    public boolean isRobotsOrSitemap(String url) {
        Resource resource = site.resources.get(url);
        return url.endsWith("/robots.txt")
                || resource != null && (resource.kind() == Kind.ROBOTS || resource.kind() == Kind.SITEMAP);
    }

    /** Page requests in the access log (robots.txt and sitemap requests left out), in order of arrival. */
    public List<TestWeb.Access> pageRequests() {
        return web.accessLog(access -> !isRobotsOrSitemap(access.url(port())));
    }

    /** Whether robots.txt (or its failure: 5xx, timeout) forbids this URL to a crawler with any user agent token. */
    public boolean isDisallowed(String url) {
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host.equals(host(ScenarioHost.ROBOTS_500)) || host.equals(host(ScenarioHost.ROBOTS_SLOW))
                || host.equals(host(ScenarioHost.DISALLOW_ALL))) {
            return !uri.getRawPath().equals("/robots.txt");
        }
        return host.equals(host(ScenarioHost.DISALLOW_PATHS)) && uri.getRawPath().startsWith("/private/");
    }

    /** The defined URLs a polite crawler must never request. */
    public Set<String> disallowed() {
        Set<String> disallowed = new TreeSet<>(urls());
        disallowed.removeIf(url -> !isDisallowed(url));
        return disallowed;
    }

    /**
     * Pages that answer 429 or 503 with Retry-After, which a crawler requests again later: {@code /busy} (429
     * once, then 200), {@code /down}, and the down host's home page. Leave them out of "no URL fetched twice".
     */
    public Set<String> retriedByDesign() {
        Set<String> retried = urlsOf(kind -> kind == Kind.ERROR);
        retried.add(url(ScenarioHost.THROTTLED, "/busy"));
        return retried;
    }

    /** The special role of a host name, or empty for a plain host (or a name not in the scenario). */
    public java.util.Optional<ScenarioHost> role(String host) {
        for (ScenarioHost role : ScenarioHost.values()) {
            if (host(role).equalsIgnoreCase(host)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }

    /** Exact copies: copy URL → the URL of the same bytes (either may be fetched first). */
    public Map<String, String> exactDuplicates() {
        return Map.copyOf(site.exactDuplicates);
    }

    /** Near copies (one word differs): copy URL → original URL. */
    public Map<String, String> nearDuplicates() {
        return Map.copyOf(site.nearDuplicates);
    }

    /** Pages listed only in sitemaps (linked from nowhere). */
    public Set<String> sitemapOnly() {
        return Set.copyOf(site.sitemapOnly);
    }

    /** The page titles the site serves (charset pages: the decoded title a parser must produce). */
    public Map<String, String> titles() {
        return Map.copyOf(site.titles);
    }

    /** The trap pages: the calendar and the repeating path. */
    public boolean isTrap(String url) {
        URI uri = URI.create(url);
        String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return uri.getHost().equals(host(ScenarioHost.TRAPS))
                && (ScenarioSite.CALENDAR.matcher(pathAndQuery).matches() || ScenarioSite.REPEAT.matcher(pathAndQuery).matches());
    }

    /**
     * The URLs a crawl seeded with {@link #seeds()} requests when it obeys robots.txt, follows links (not nofollow)
     * of 200 HTML pages up to {@code maxDepth} (seed = 0) and redirects at the same depth, and requests each URL
     * once. The trap pages are included as far as the depth allows (a crawler's trap rules may stop earlier);
     * no page or per-host limit is applied. With {@code sitemapUrlsAsSeeds}, the pages listed in sitemaps enter
     * at depth 0 too. URLs on the missing host are left out (nothing is requested there). The traps make the
     * set grow with the depth, so the depth is bounded here.
     */
    public Set<String> expectedFetches(int maxDepth, boolean sitemapUrlsAsSeeds) {
        if (maxDepth < 0 || maxDepth > 10_000) {
            throw new IllegalArgumentException("the depth must be from 0 to 10000: the traps are endless");
        }
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        Set<String> fetched = new LinkedHashSet<>();
        List<String> starts = new java.util.ArrayList<>(seeds());
        if (sitemapUrlsAsSeeds) {
            starts.addAll(site.sitemapOnly);
            starts.add(url(ScenarioHost.ROBOTS_404, "/"));
            starts.add(url(ScenarioHost.ROBOTS_404, "/p/1"));
        }
        for (String start : starts) {
            if (depth.putIfAbsent(start, 0) == null) {
                queue.add(start);
            }
        }
        while (!queue.isEmpty()) {
            String url = queue.poll();
            int d = depth.get(url);
            URI uri = URI.create(url);
            if (uri.getHost().equals(ScenarioSite.MISSING_HOST) || isDisallowed(url)) {
                continue;
            }
            fetched.add(url);
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            Resource resource = site.resources.getOrDefault(url, site.trap(uri.getHost(), pathAndQuery));
            if (resource == null) {
                continue;
            }
            if (resource.kind() == Kind.REDIRECT && depth.putIfAbsent(resource.redirectTo(), d) == null) {
                queue.addFirst(resource.redirectTo());
            }
            if (resource.kind() == Kind.PAGE && d < maxDepth) {
                for (String link : resource.links()) {
                    if (depth.putIfAbsent(link, d + 1) == null) {
                        queue.addLast(link);
                    }
                }
            }
        }
        return fetched;
    }

    @Override
    public void close() {
        web.close();
        dns.close();
    }

    private Set<String> urlsOf(java.util.function.Predicate<Kind> kinds) {
        Set<String> urls = new TreeSet<>();
        site.resources.values().stream().filter(r -> kinds.test(r.kind())).forEach(r -> urls.add(r.url()));
        return urls;
    }
}
