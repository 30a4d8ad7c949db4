package io.practicalsystems.crawler.testweb;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.DnsLookupException;
import io.practicalsystems.crawler.dns.DnsOptions;
import io.practicalsystems.crawler.fetch.FailureKind;
import io.practicalsystems.crawler.fetch.FetchOptions;
import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.fetch.PageFetcher;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenario web itself: its DNS, its access log, and what a real fetch of each kind of page gives. */
class ScenarioWebTest {

    private static ScenarioWeb scenario;
    private static CachingResolver resolver;
    private static PageFetcher fetcher;

    @BeforeAll
    static void start() throws Exception {
        scenario = ScenarioWeb.start(ScenarioWeb.Settings.defaults().withSlow(Duration.ofSeconds(3)));
        resolver = new CachingResolver(DnsOptions.defaults().withServers(scenario.dnsServer()));
        fetcher = new PageFetcher(FetchOptions.defaults("ps-crawler-test/1.0")
                .withAllowPrivateAddresses(true)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMillis(1_500)), resolver);
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        scenario.close();
    }

    private static FetchResult fetch(ScenarioHost host, String path) {
        return fetcher.fetch(scenario.url(host, path));
    }

    private static String body(FetchResult result, Charset charset) {
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        return new String(((FetchResult.Fetched) result).body(), charset);
    }

    @Test
    void everyHostResolvesToItsOwnLoopbackAddressAndTheMissingOneDoesNot() throws Exception {
        assertThat(scenario.hosts()).hasSize(50).contains("h00.crawl.test", "h49.crawl.test");
        for (int i = 0; i < 50; i++) {
            assertThat(resolver.resolve(scenario.host(i))).containsExactly(InetAddress.getByName(ScenarioWeb.address(i)));
        }
        assertThat(ScenarioWeb.address(49)).isEqualTo("127.0.1.50");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> resolver.resolve("missing.crawl.test"))
                .isInstanceOf(DnsLookupException.class);
    }

    @Test
    void theAccessLogRecordsHostPathAddressAndStatus() throws Exception {
        fetcher.fetch(scenario.url(20, "/p/2"));
        fetcher.fetch(scenario.url(20, "/nothing-here"));
        var log = scenario.web().accessLog(scenario.host(20));
        assertThat(log).extracting(TestWeb.Access::pathAndQuery).contains("/p/2", "/nothing-here");
        TestWeb.Access page = log.stream().filter(a -> a.pathAndQuery().equals("/p/2")).findFirst().orElseThrow();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.localAddress()).isEqualTo(ScenarioWeb.address(20));
        assertThat(page.userAgent()).isEqualTo("ps-crawler-test/1.0");
        // The handler completes just after the client has the response: wait for it to be recorded.
        long completed = -1;
        for (int i = 0; i < 200 && completed < 0; i++) {
            completed = scenario.web().accessLog(scenario.host(20)).stream().filter(a -> a.pathAndQuery().equals("/p/2"))
                    .findFirst().orElseThrow().completedNanos();
            Thread.sleep(10);
        }
        assertThat(completed).isGreaterThanOrEqualTo(page.arrivalNanos());
        assertThat(log.stream().filter(a -> a.pathAndQuery().equals("/nothing-here")).findFirst().orElseThrow().status())
                .isEqualTo(404);
        assertThat(scenario.pageRequests()).noneMatch(a -> a.pathAndQuery().equals("/robots.txt"));
    }

    @Test
    void robotsVariants() {
        assertThat(body(fetch(ScenarioHost.HUB, "/robots.txt"), StandardCharsets.UTF_8))
                .contains("Sitemap: " + scenario.url(ScenarioHost.HUB, "/sitemap_index.xml"));
        assertThat(body(fetch(ScenarioHost.DISALLOW_PATHS, "/robots.txt"), StandardCharsets.UTF_8)).contains("Disallow: /private/");
        assertThat(body(fetch(ScenarioHost.CRAWL_DELAY, "/robots.txt"), StandardCharsets.UTF_8)).contains("Crawl-delay: 1");
        assertThat(body(fetch(ScenarioHost.DISALLOW_ALL, "/robots.txt"), StandardCharsets.UTF_8)).contains("Disallow: /\n");
        assertThat(fetch(ScenarioHost.ROBOTS_500, "/robots.txt")).isEqualTo(new FetchResult.HttpError(500, Optional.empty()));
        assertThat(fetch(ScenarioHost.ROBOTS_404, "/robots.txt")).isEqualTo(new FetchResult.HttpError(404, Optional.empty()));
        assertThat(fetch(ScenarioHost.ROBOTS_SLOW, "/robots.txt")).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isIn(FailureKind.TIMEOUT, FailureKind.TOO_SLOW));
    }

    @Test
    void sitemapsAndTheSitemapIndex() {
        assertThat(body(fetch(ScenarioHost.HUB, "/sitemap_index.xml"), StandardCharsets.UTF_8))
                .contains("<sitemapindex").contains(scenario.url(ScenarioHost.HUB, "/sitemap-a.xml"));
        assertThat(body(fetch(ScenarioHost.HUB, "/sitemap-b.xml"), StandardCharsets.UTF_8))
                .contains(scenario.url(ScenarioHost.HUB, "/s/6"));
        assertThat(body(fetch(ScenarioHost.ROBOTS_404, "/sitemap.xml"), StandardCharsets.UTF_8))
                .contains(scenario.url(ScenarioHost.ROBOTS_404, "/from-sitemap"));
        assertThat(scenario.sitemapOnly()).hasSize(7);
    }

    @Test
    void redirectChainsAndALoop() {
        assertThat(fetch(ScenarioHost.REDIRECTS, "/r/301"))
                .isEqualTo(new FetchResult.Redirect(301, scenario.url(ScenarioHost.REDIRECTS, "/r/302")));
        assertThat(fetch(ScenarioHost.REDIRECTS, "/r/302"))
                .isEqualTo(new FetchResult.Redirect(302, scenario.url(ScenarioHost.REDIRECTS, "/r/final")));
        assertThat(fetch(ScenarioHost.REDIRECTS, "/r/relative"))
                .isEqualTo(new FetchResult.Redirect(307, scenario.url(ScenarioHost.REDIRECTS, "/r/final")));
        assertThat(fetch(ScenarioHost.REDIRECTS, "/loop/a"))
                .isEqualTo(new FetchResult.Redirect(302, scenario.url(ScenarioHost.REDIRECTS, "/loop/b")));
        assertThat(fetch(ScenarioHost.REDIRECTS, "/loop/b"))
                .isEqualTo(new FetchResult.Redirect(302, scenario.url(ScenarioHost.REDIRECTS, "/loop/a")));
        assertThat(fetch(ScenarioHost.REDIRECTS, "/r/elsewhere"))
                .isEqualTo(new FetchResult.Redirect(301, scenario.url(ScenarioHost.FIRST_PLAIN, "/")));
    }

    @Test
    void hugeSlowAndBombPagesAreCutOrEnded() {
        assertThat(fetch(ScenarioHost.HUGE_AND_SLOW, "/huge"))
                .isInstanceOfSatisfying(FetchResult.Fetched.class, page -> assertThat(page.truncated()).isTrue());
        assertThat(fetch(ScenarioHost.HUGE_AND_SLOW, "/bomb"))
                .isInstanceOfSatisfying(FetchResult.Fetched.class, page -> assertThat(page.truncated()).isTrue());
        assertThat(fetch(ScenarioHost.HUGE_AND_SLOW, "/slow")).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_SLOW));
    }

    @Test
    void nonHtmlIsSkippedAndMalformedHtmlIsFetched() {
        assertThat(fetch(ScenarioHost.NON_HTML, "/image.png")).isEqualTo(new FetchResult.Skipped(200, "image/png"));
        assertThat(fetch(ScenarioHost.NON_HTML, "/doc.pdf")).isEqualTo(new FetchResult.Skipped(200, "application/pdf"));
        assertThat(body(fetch(ScenarioHost.NON_HTML, "/malformed"), StandardCharsets.UTF_8))
                .contains(scenario.url(ScenarioHost.NON_HTML, "/after-malformed"));
    }

    @Test
    void charsetPagesDecodeToTheirTitles() {
        for (String path : new String[] {"/latin1", "/cp1252"}) {
            FetchResult.Fetched page = (FetchResult.Fetched) fetch(ScenarioHost.CHARSETS, path);
            String decoded = new String(page.body(), Charset.forName(page.charset()));
            assertThat(decoded).contains("<title>" + scenario.titles().get(scenario.url(ScenarioHost.CHARSETS, path)) + "</title>");
        }
        assertThat(((FetchResult.Fetched) fetch(ScenarioHost.CHARSETS, "/cp1252")).charset()).isEqualTo("windows-1252");
        FetchResult.Fetched metaOnly = (FetchResult.Fetched) fetch(ScenarioHost.CHARSETS, "/meta-latin1");
        assertThat(metaOnly.charset()).isNull();
        assertThat(new String(metaOnly.body(), StandardCharsets.ISO_8859_1)).contains("Na\u00efve");
    }

    @Test
    void exactDuplicatesAreByteForByteAndNearDuplicatesDifferByOneWord() {
        scenario.exactDuplicates().forEach((copy, original) ->
                assertThat(body(fetcher.fetch(copy), StandardCharsets.UTF_8)).isEqualTo(body(fetcher.fetch(original), StandardCharsets.UTF_8)));
        assertThat(scenario.exactDuplicates()).hasSize(2);
        scenario.nearDuplicates().forEach((copy, original) -> {
            String[] a = body(fetcher.fetch(copy), StandardCharsets.UTF_8).split(" ");
            String[] b = body(fetcher.fetch(original), StandardCharsets.UTF_8).split(" ");
            assertThat(a).hasSameSizeAs(b);
            assertThat(java.util.stream.IntStream.range(0, a.length).filter(i -> !a[i].equals(b[i])).count()).isEqualTo(1);
        });
    }

    @Test
    void trapsGoOnForever() {
        assertThat(body(fetch(ScenarioHost.TRAPS, "/calendar?month=41"), StandardCharsets.UTF_8))
                .contains(scenario.url(ScenarioHost.TRAPS, "/calendar?month=42"));
        assertThat(body(fetch(ScenarioHost.TRAPS, "/repeat/x/x/x/"), StandardCharsets.UTF_8)).contains("href=\"x/\"");
        assertThat(scenario.isTrap(scenario.url(ScenarioHost.TRAPS, "/calendar?month=99999"))).isTrue();
        assertThat(scenario.isTrap(scenario.url(ScenarioHost.TRAPS, "/"))).isFalse();
    }

    @Test
    void gzipPagesArriveDecoded() {
        assertThat(body(fetch(ScenarioHost.GZIP, "/p/1"), StandardCharsets.UTF_8)).contains("<title>Page h14.crawl.test");
    }

    @Test
    void throttledAndDownHostsAnswerWithRetryAfter() {
        Optional<Duration> twoSeconds = Optional.of(Duration.ofSeconds(2));
        assertThat(fetch(ScenarioHost.THROTTLED, "/busy")).isEqualTo(new FetchResult.HttpError(429, twoSeconds));
        assertThat(fetch(ScenarioHost.THROTTLED, "/busy")).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetch(ScenarioHost.THROTTLED, "/down")).isEqualTo(new FetchResult.HttpError(503, twoSeconds));
        assertThat(fetch(ScenarioHost.DOWN, "/")).isEqualTo(new FetchResult.HttpError(503, twoSeconds));
        assertThat(scenario.retriedByDesign()).containsExactlyInAnyOrder(scenario.url(ScenarioHost.THROTTLED, "/busy"),
                scenario.url(ScenarioHost.THROTTLED, "/down"), scenario.url(ScenarioHost.DOWN, "/"));
        assertThat(scenario.role("H15.crawl.test")).contains(ScenarioHost.THROTTLED);
        assertThat(scenario.role(scenario.host(30))).isEmpty();
    }

    @Test
    void expectedFetchesFollowLinksRedirectsAndRobotsToTheDepth() {
        assertThat(scenario.expectedFetches(0, false)).containsExactlyElementsOf(scenario.seeds());
        Set<String> depth1 = scenario.expectedFetches(1, false);
        assertThat(depth1).contains(scenario.url(ScenarioHost.REDIRECTS, "/"), scenario.url(49, "/"))
                .doesNotContain(scenario.url(ScenarioHost.ROBOTS_500, "/"), scenario.url(ScenarioHost.DISALLOW_ALL, "/"),
                        scenario.missingHostUrl());
        Set<String> depth2 = scenario.expectedFetches(2, false);
        assertThat(depth2).contains(scenario.url(ScenarioHost.REDIRECTS, "/r/final"),
                scenario.url(ScenarioHost.TRAPS, "/calendar?month=0"), scenario.url(ScenarioHost.NON_HTML, "/image.png"))
                .doesNotContain(scenario.url(ScenarioHost.TRAPS, "/calendar?month=1"));
        assertThat(depth2).doesNotContainAnyElementsOf(scenario.disallowed())
                .noneMatch(url -> url.endsWith("/hidden"))
                .doesNotContainAnyElementsOf(scenario.sitemapOnly());
        assertThat(scenario.disallowed()).contains(scenario.url(ScenarioHost.DISALLOW_PATHS, "/private/a"));
        assertThat(scenario.expectedFetches(2, true)).containsAll(scenario.sitemapOnly());
        Set<String> deep = scenario.expectedFetches(6, false);
        assertThat(deep).contains(scenario.url(ScenarioHost.TRAPS, "/calendar?month=4"))
                .doesNotContain(scenario.url(ScenarioHost.TRAPS, "/calendar?month=5"));
        assertThat(deep.stream().filter(url -> !scenario.isTrap(url))).allMatch(scenario.urls()::contains);
    }
}
