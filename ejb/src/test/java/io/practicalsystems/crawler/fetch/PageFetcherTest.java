package io.practicalsystems.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.dns.DnsOptions;
import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.TestDnsServer;
import io.practicalsystems.crawler.testweb.TestWeb;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fetcher against a real HTTP server and a real DNS server on loopback sockets. */
class PageFetcherTest {

    private static final String HOST = "site.crawl.test";
    private static final String PAGE = "<html><head><title>Hi</title></head><body>hello</body></html>";

    private static TestDnsServer dns;
    private static TestWeb web;
    private static CachingResolver resolver;
    private static PageFetcher fetcher;
    private static final List<String> userAgents = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        dns = TestDnsServer.start(60);
        dns.put(HOST, "127.0.1.5", 300);
        dns.put("private.crawl.test", "10.0.0.1", 300);
        web = TestWeb.start();
        web.site(HOST, exchange -> {
            userAgents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/page" -> Respond.html(exchange, 200, PAGE);
                case "/latin1" -> Respond.encoded(exchange, "<p>caf\u00e9</p>", StandardCharsets.ISO_8859_1, true);
                case "/gzip" -> Respond.gzipHtml(exchange, PAGE);
                case "/deflate-zlib" -> deflated(exchange, false);
                case "/deflate-raw" -> deflated(exchange, true);
                case "/huge" -> Respond.hugeHtml(exchange, 200_000);
                case "/bomb" -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "gzip");
                    Respond.bytes(exchange, 200, "text/html", Respond.gzipBomb(10 << 20));
                }
                case "/drip" -> Respond.drip(exchange, "text/html", "<p>".getBytes(StandardCharsets.US_ASCII), 1000, 50);
                case "/stall" -> {
                    Respond.sleep(3_000);
                    Respond.html(exchange, 200, PAGE);
                }
                case "/moved" -> Respond.redirect(exchange, 301, "/page?x=1");
                case "/elsewhere" -> Respond.redirect(exchange, 302, "http://other.crawl.test/");
                case "/no-location" -> exchange.sendResponseHeaders(302, -1);
                case "/busy" -> Respond.retryAfter(exchange, 429, 7);
                case "/down" -> {
                    exchange.getResponseHeaders().set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT");
                    Respond.text(exchange, 503, "down");
                }
                case "/gone" -> Respond.text(exchange, 404, "gone");
                case "/image.png" -> Respond.bytes(exchange, 200, "image/png", new byte[100_000]);
                case "/untyped" -> Respond.bytes(exchange, 200, null, "plain words".getBytes(StandardCharsets.US_ASCII));
                case "/brotli" -> {
                    exchange.getResponseHeaders().set("Content-Encoding", "br");
                    Respond.bytes(exchange, 200, "text/html", new byte[10]);
                }
                default -> Respond.text(exchange, 404, "no");
            }
        });
        resolver = new CachingResolver(DnsOptions.defaults().withServers(dns.hostPort()));
        fetcher = new PageFetcher(options(), resolver);
    }

    private static FetchOptions options() {
        return FetchOptions.defaults("ps-crawler-test/1.0 (+http://example.test/bot)")
                .withAllowPrivateAddresses(true)
                .withMaxBodyBytes(50_000)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800), Duration.ofMillis(1_500));
    }

    private static void deflated(com.sun.net.httpserver.HttpExchange exchange, boolean raw) throws java.io.IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
            deflate.write(PAGE.getBytes(StandardCharsets.UTF_8));
        }
        exchange.getResponseHeaders().set("Content-Encoding", "deflate");
        Respond.bytes(exchange, 200, "text/html", out.toByteArray());
    }

    @AfterAll
    static void stop() {
        fetcher.close();
        web.close();
        dns.close();
    }

    private static String url(String path) {
        return web.url(HOST, path);
    }

    @Test
    void fetchesAPageThroughTheTestDnsWithTheConfiguredUserAgent() {
        FetchResult result = fetcher.fetch(url("/page"));
        assertThat(result).isInstanceOfSatisfying(FetchResult.Fetched.class, page -> {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.url()).isEqualTo(url("/page"));
            assertThat(page.contentType()).isEqualTo("text/html");
            assertThat(page.charset()).isEqualTo("UTF-8");
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo(PAGE);
            assertThat(page.truncated()).isFalse();
        });
        assertThat(userAgents).contains("ps-crawler-test/1.0 (+http://example.test/bot)");
        // The connection went to the address the test DNS gave for the name.
        assertThat(web.accessLog(a -> a.pathAndQuery().equals("/page")).get(0).localAddress()).isEqualTo("127.0.1.5");
    }

    @Test
    void manyThreadsShareOneFetcher() throws Exception {
        for (int h = 0; h < 8; h++) {
            dns.put("t" + h + ".crawl.test", "127.0.2." + (h + 1), 300);
            String name = "t" + h + ".crawl.test";
            web.site(name, exchange -> Respond.html(exchange, 200, name + exchange.getRequestURI().getPath()));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String name = "t" + (i % 8) + ".crawl.test";
                String path = "/n" + i;
                results.add(pool.submit(() -> fetcher.fetch(web.url(name, path)) instanceof FetchResult.Fetched page
                        && new String(page.body(), StandardCharsets.UTF_8).equals(name + path)));
            }
            for (var result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theNameIsResolvedOncePerTtlNotOncePerFetch() {
        dns.put("cached.crawl.test", "127.0.1.6", 300);
        web.site("cached.crawl.test", exchange -> Respond.html(exchange, 200, PAGE));
        for (int i = 0; i < 3; i++) {
            assertThat(fetcher.fetch(web.url("cached.crawl.test", "/p" + i))).isInstanceOf(FetchResult.Fetched.class);
        }
        assertThat(dns.queries("cached.crawl.test")).isEqualTo(2); // one A, one AAAA ("no data", cached)
    }

    @Test
    void returnsTheCharsetLabelFromContentType() {
        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(url("/latin1"));
        assertThat(page.charset()).isEqualTo("ISO-8859-1");
        assertThat(new String(page.body(), StandardCharsets.ISO_8859_1)).isEqualTo("<p>caf\u00e9</p>");
    }

    @Test
    void decodesGzipAndBothFormsOfDeflate() {
        for (String path : List.of("/gzip", "/deflate-zlib", "/deflate-raw")) {
            FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(url(path));
            assertThat(new String(page.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(PAGE);
        }
    }

    @Test
    void cutsABodyLongerThanTheLimitAndSaysSo() {
        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(url("/huge"));
        assertThat(page.truncated()).isTrue();
        assertThat(page.body()).hasSize(50_000);
    }

    @Test
    void aGzipBombIsCutAtTheLimitInDecodedBytes() {
        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(url("/bomb"));
        assertThat(page.truncated()).isTrue();
        assertThat(page.body()).hasSize(50_000);
    }

    @Test
    void aSlowDripEndsAtTheDeadline() {
        FetchResult result = fetcher.fetch(url("/drip"));
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TOO_SLOW));
    }

    @Test
    void aServerThatSendsNothingHitsTheReadTimeout() {
        // A deadline far beyond the read timeout, so that only the read timeout can end this fetch.
        try (PageFetcher patient = new PageFetcher(
                options().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500), Duration.ofSeconds(30)), resolver)) {
            FetchResult result = patient.fetch(url("/stall"));
            assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(FailureKind.TIMEOUT));
        }
    }

    @Test
    void redirectsAreReturnedWithAnAbsoluteLocationAndNotFollowed() {
        assertThat(fetcher.fetch(url("/moved"))).isEqualTo(new FetchResult.Redirect(301, url("/page?x=1")));
        assertThat(fetcher.fetch(url("/elsewhere"))).isEqualTo(new FetchResult.Redirect(302, "http://other.crawl.test/"));
        assertThat(web.accessLog(a -> a.pathAndQuery().equals("/page?x=1"))).isEmpty();
        assertThat(fetcher.fetch(url("/no-location"))).isEqualTo(new FetchResult.HttpError(302, Optional.empty()));
    }

    @Test
    void errorStatusesCarryRetryAfter() {
        assertThat(fetcher.fetch(url("/busy"))).isEqualTo(new FetchResult.HttpError(429, Optional.of(Duration.ofSeconds(7))));
        // An HTTP date in the past means "now".
        assertThat(fetcher.fetch(url("/down"))).isEqualTo(new FetchResult.HttpError(503, Optional.of(Duration.ZERO)));
        assertThat(fetcher.fetch(url("/gone"))).isEqualTo(new FetchResult.HttpError(404, Optional.empty()));
    }

    @Test
    void contentTypesNotAcceptedAreSkippedAndAMissingTypeIsAccepted() {
        assertThat(fetcher.fetch(url("/image.png"))).isEqualTo(new FetchResult.Skipped(200, "image/png"));
        FetchResult.Fetched untyped = (FetchResult.Fetched) fetcher.fetch(url("/untyped"));
        assertThat(untyped.contentType()).isEmpty();
        try (PageFetcher images = new PageFetcher(options().withAcceptedContentTypes(Set.of("image/*")), resolver)) {
            assertThat(images.fetch(url("/image.png"))).isInstanceOf(FetchResult.Fetched.class);
            assertThat(images.fetch(url("/page"))).isEqualTo(new FetchResult.Skipped(200, "text/html"));
        }
    }

    @Test
    void anUnsupportedContentEncodingIsAnIoFailure() {
        assertThat(fetcher.fetch(url("/brotli"))).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.IO));
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        FetchResult result = fetcher.fetch(web.url("missing.crawl.test", "/"));
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.DNS));
    }

    @Test
    void privateAndLoopbackAddressesAreRefusedUnlessAllowedAndNothingIsSent() {
        try (PageFetcher strict = new PageFetcher(options().withAllowPrivateAddresses(false), resolver)) {
            for (String target : List.of(url("/page?strict"), web.url("127.0.0.1", "/page?strict"),
                    web.url("[::1]", "/page?strict"), web.url("private.crawl.test", "/page?strict"))) {
                assertThat(strict.fetch(target)).as(target).isInstanceOfSatisfying(FetchResult.Failed.class,
                        failed -> assertThat(failed.kind()).isEqualTo(FailureKind.REFUSED_ADDRESS));
            }
        }
        assertThat(web.accessLog(a -> a.pathAndQuery().equals("/page?strict"))).isEmpty();
    }

    @Test
    void aClosedPortIsAConnectFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        FetchResult result = fetcher.fetch("http://" + HOST + ":" + closedPort + "/");
        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                failed -> assertThat(failed.kind()).isEqualTo(FailureKind.CONNECT));
    }

    @Test
    void urlsThatCannotBeFetchedAreInvalid() {
        for (String bad : List.of("ftp://site.crawl.test/", "not a url", "/relative", "http:///nohost")) {
            assertThat(fetcher.fetch(bad)).as(bad).isInstanceOfSatisfying(FetchResult.Failed.class,
                    failed -> assertThat(failed.kind()).isEqualTo(FailureKind.INVALID_URL));
        }
    }
}
