package io.practicalsystems.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.testweb.Respond;
import io.practicalsystems.crawler.testweb.TestWeb;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * External producers: the seed producer runs as a separate OS process (Liberty's application client) and reaches
 * the shared server's messaging engine over TLS as the seed producer user. Its seeds for a running crawl are
 * fetched; a wrong password is refused; a message for a crawl that does not exist is dropped and logged. The three
 * producer runs overlap (each is a JVM start of its own).
 *
 * <p>The crawl keeps running while they do: its seed is the head of a chain of 100 pages (maxDepth) on 127.0.0.1, each
 * with words of its own, fetched one every {@value #DELAY_MS} ms; the producer's seeds are on 127.0.0.2 (IP literals:
 * no DNS), a host of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlSeedProducerIT {

    private static final long DELAY_MS = 2000;
    private static final String CHAIN_HOST = "127.0.0.1";
    private static final String SEED_HOST = "127.0.0.2";

    private LibertyServer server;
    private TestWeb web;
    private String crawlId;
    /** 18 digits from 9e17: far above the Snowflake ids of years to come, so no crawl has it. */
    private final String unknownCrawlId = String.format("9%017d",
            ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L));
    private SeedProducerClient.Run sent;
    private SeedProducerClient.Run wrongPassword;
    private SeedProducerClient.Run unknownCrawl;

    @BeforeAll
    void crawlAndProduce(@SharedServer LibertyServer server) throws Exception {
        this.server = server;
        web = TestWeb.start();
        web.site(CHAIN_HOST, exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.startsWith("/chain-")) {
                Respond.text(exchange, 404, "not found");
                return;
            }
            int n = Integer.parseInt(path.substring("/chain-".length()));
            Respond.html(exchange, 200, "<html><head><title>chain " + n + "</title></head><body><p>" + words(n)
                    + "</p><a href=\"/chain-" + (n + 1) + "\">next</a></body></html>");
        });
        web.site(SEED_HOST, exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/robots.txt")) {
                Respond.text(exchange, 404, "not found");
                return;
            }
            Respond.html(exchange, 200, "<html><head><title>seeded " + path + "</title></head><body><p>"
                    + words(path.hashCode()) + "</p></body></html>");
        });
        Http.Response created = Http.post(server.httpsBaseUrl() + "/api/crawls", "{\"seeds\":[\""
                + url(CHAIN_HOST, "/chain-0") + "\"],\"maxDepth\":100,\"maxPages\":1000,\"minDelayMs\":" + DELAY_MS
                + ",\"allowPrivateAddresses\":true}", TestServers.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        crawlId = created.json().getString("id");
        Http.Response start = Http.post(server.httpsBaseUrl() + "/api/crawls/" + crawlId + "/start", null,
                TestServers.admin());
        assertThat(start.status()).as(start.body()).isEqualTo(202);

        SeedProducerClient producer = SeedProducerClient.of(server);
        CompletableFuture<SeedProducerClient.Run> seeds = CompletableFuture.supplyAsync(() -> producer.send(
                TestServers.SEEDS_USER, TestServers.SEEDS_PASSWORD, crawlId, List.of(url(SEED_HOST, "/a"),
                        url(SEED_HOST, "/b"), url(SEED_HOST, "/a#again"), "ftp://files.example.org/")));
        CompletableFuture<SeedProducerClient.Run> wrong = CompletableFuture.supplyAsync(() -> producer.send(
                TestServers.SEEDS_USER, "not-" + TestServers.SEEDS_PASSWORD, crawlId,
                List.of(url(SEED_HOST, "/never"))));
        CompletableFuture<SeedProducerClient.Run> unknown = CompletableFuture.supplyAsync(() -> producer.send(
                TestServers.SEEDS_USER, TestServers.SEEDS_PASSWORD, unknownCrawlId,
                List.of(url(SEED_HOST, "/nobody"))));
        sent = seeds.join();
        wrongPassword = wrong.join();
        unknownCrawl = unknown.join();
    }

    @AfterAll
    void stop() {
        if (crawlId != null) {
            Http.post(server.httpsBaseUrl() + "/api/crawls/" + crawlId + "/stop", null, TestServers.admin());
        }
        if (web != null) {
            web.close();
        }
    }

    /** Words of their own for each page: near-duplicates would not have their links followed. */
    private static String words(int page) {
        Random random = new Random(page);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            text.append(Integer.toString(1000 + random.nextInt(1_000_000), 36)).append(' ');
        }
        return text.toString();
    }

    private String url(String host, String path) {
        return "http://" + host + ":" + web.port() + path;
    }

    @Test
    void seedsFromAnotherProcessAreCrawled() {
        assertThat(sent.exitCode()).as(sent.output()).isZero();
        assertThat(sent.output()).contains("sent 4 URLs for crawl " + crawlId + " in 1 message");
        List<String> fetched = Await.until("the producer's seeds to be fetched",
                () -> web.accessLog(SEED_HOST).stream().map(TestWeb.Access::pathAndQuery).toList(),
                paths -> paths.contains("/a") && paths.contains("/b"), Duration.ofSeconds(90));
        // /a#again is /a once normalised; ftp:// is refused by the crawl's rules; nothing was fetched twice
        assertThat(fetched).containsOnlyOnce("/a", "/b").doesNotContain("/never", "/nobody");
        assertThat(server.logContains("crawler.seeds: crawl " + crawlId + " (RUNNING) took 2 new of 4 seeds"))
                .as("the listener's account in messages.log").isTrue();
        assertThat(Http.getJson(server.baseUrl() + "/api/crawls/" + crawlId).getString("state"))
                .isEqualTo("RUNNING");
    }

    @Test
    void aWrongPasswordIsRefused() {
        assertThat(wrongPassword.exitCode()).as(wrongPassword.output()).isEqualTo(3);
        assertThat(wrongPassword.output()).contains("crawl-seed: refused");
        assertThat(web.accessLog(SEED_HOST)).extracting(TestWeb.Access::pathAndQuery).doesNotContain("/never");
    }

    @Test
    void seedsForAnUnknownCrawlAreDroppedWithoutHarm() {
        assertThat(unknownCrawl.exitCode()).as(unknownCrawl.output()).isZero();
        String dropped = "for crawl " + unknownCrawlId + ": no such crawl";
        Await.until("the listener to drop the message for crawl " + unknownCrawlId,
                () -> server.logContains(dropped), found -> found, Duration.ofSeconds(60));
        assertThat(Http.get(server.baseUrl() + "/api/crawls/" + unknownCrawlId).status()).isEqualTo(404);
        assertThat(Http.get(server.baseUrl() + "/api/crawls/" + crawlId).status()).isEqualTo(200);
    }
}
