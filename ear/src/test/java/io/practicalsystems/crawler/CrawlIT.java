package io.practicalsystems.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.testweb.ScenarioHost;
import io.practicalsystems.crawler.testweb.ScenarioWeb;
import io.practicalsystems.crawler.testweb.TestWeb;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.Listings;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * One server crawls the 50-host scenario web end to end (crawl-run job, JMS, fetch MDB, Redis frontier, documents),
 * its DNS pointed at the test DNS server, and the test web's own access log is checked afterwards: robots.txt
 * obeyed, per-host gaps never below the delay (robots.txt requests included), no URL fetched twice except after a
 * transient error, limits and depth respected, the trap bounded; the pages listing shows duplicates, skipped
 * non-HTML and the truncated huge page. No assertion on speed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
class CrawlIT {

    private static final int MAX_DEPTH = 3;
    private static final long MAX_PAGES = 400;
    private static final long MAX_PAGES_PER_HOST = 6;
    private static final long MIN_DELAY_MS = 200;
    /** Redis TIME and the log's nanoTime differ in resolution: the frontier schedules in whole milliseconds. */
    private static final long CLOCK_SLACK_MS = 2;

    private ScenarioWeb web;
    private LibertyServer server;
    private JsonObject finished;
    private Map<String, JsonObject> pages;
    private long crawlSeconds;
    /** The test web's log up to here belongs to the first crawl, after it to the rebuilt one. */
    private long firstCrawlEndNanos;
    private RebuiltCrawl rebuilt;

    /** The second crawl, whose frontier was deleted from Redis mid-crawl: its status, pages and requests. */
    private record RebuiltCrawl(JsonObject finished, long fetchedBeforeLoss, Map<String, JsonObject> pages,
                                List<TestWeb.Access> requests) {
    }
    private String crawlId;

    @BeforeAll
    void crawl(OwnServers own) throws Exception {
        web = own.closeWhenDone(ScenarioWeb.start(ScenarioWeb.Settings.defaults().withSlow(Duration.ofSeconds(4))));
        server = own.start(TestServers.realServices("crawl-it")
                .env("PS_CRAWLER_DNS_SERVER", web.dnsServer())
                .env("PS_CRAWLER_CONNECT_TIMEOUT_MS", 1000)
                .env("PS_CRAWLER_READ_TIMEOUT_MS", 1500)
                .env("PS_CRAWLER_FETCH_DEADLINE_MS", 2500)
                .env("PS_CRAWLER_MAX_BODY_BYTES", 1 << 20)
                .env("PS_CRAWLER_ROBOTS_RETRY_MS", 1000)
                .env("PS_CRAWLER_BACKOFF_BASE_MS", 300)
                .env("PS_CRAWLER_BACKOFF_MAX_MS", 3000)
                .env("PS_CRAWLER_JOIN_INTERVAL_MS", 1000)
                // One word changed in 300 moves about 5 bits of the SimHash, up to 10 (SimHash javadoc).
                .env("PS_CRAWLER_SIMHASH_THRESHOLD", 10));
        String seeds = web.seeds().stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        Http.Response created = Http.post(server.httpsBaseUrl() + "/api/crawls", "{\"seeds\":[" + seeds + "],"
                + "\"allowedDomains\":[\"crawl.test\"],\"maxDepth\":" + MAX_DEPTH + ",\"maxPages\":" + MAX_PAGES
                + ",\"maxPagesPerHost\":" + MAX_PAGES_PER_HOST + ",\"minDelayMs\":" + MIN_DELAY_MS
                + ",\"maxQueryVariantsPerPath\":3,\"allowPrivateAddresses\":true}", TestServers.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        crawlId = id;
        long started = System.nanoTime();
        Http.Response start = Http.post(server.httpsBaseUrl() + "/api/crawls/" + id + "/start", null,
                TestServers.admin());
        assertThat(start.status()).as(start.body()).isEqualTo(202);
        finished = Await.until("crawl " + id + " to finish", () -> Http.getJson(server.baseUrl() + "/api/crawls/" + id),
                s -> !s.getString("state").equals("RUNNING"), Duration.ofSeconds(150));
        crawlSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        pages = pages(id);
        firstCrawlEndNanos = System.nanoTime();
        rebuilt = crawlLosingItsFrontier();
    }

    /**
     * A small crawl of ten plain hosts whose frontier keys are deleted from Redis at once (as a Redis restarted
     * without its data would lose them; only this crawl's keys: other tests share this Redis) once 20 pages are
     * fetched. The crawl's runs notice the missing marker key and rebuild the frontier from the page documents.
     */
    private RebuiltCrawl crawlLosingItsFrontier() {
        List<String> hosts = java.util.stream.IntStream.range(ScenarioHost.FIRST_PLAIN, ScenarioHost.FIRST_PLAIN + 10)
                .mapToObj(web::host).toList();
        String seeds = hosts.stream().map(h -> "\"" + web.url(web.hosts().indexOf(h), "/") + "\"")
                .collect(Collectors.joining(","));
        String allowed = hosts.stream().map(h -> "\"" + h + "\"").collect(Collectors.joining(","));
        Http.Response created = Http.post(server.httpsBaseUrl() + "/api/crawls", "{\"seeds\":[" + seeds + "],"
                + "\"allowedDomains\":[" + allowed + "],\"maxDepth\":3,\"maxPages\":80,\"maxPagesPerHost\":8,"
                + "\"minDelayMs\":100,\"allowPrivateAddresses\":true}", TestServers.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        assertThat(Http.post(server.httpsBaseUrl() + "/api/crawls/" + id + "/start", null, TestServers.admin())
                .status()).isEqualTo(202);
        JsonObject before = Await.until("crawl " + id + " to fetch 20 pages",
                () -> Http.getJson(server.baseUrl() + "/api/crawls/" + id),
                s -> s.getJsonNumber("fetched").longValue() >= 20 || !s.getString("state").equals("RUNNING"),
                Duration.ofSeconds(120));
        assertThat(before.getString("state")).as("still running when its frontier is lost").isEqualTo("RUNNING");
        try (UnifiedJedis redis = RedisClient.create(TestServers.redisUrl())) {
            List<String> keys = new ArrayList<>();
            ScanParams match = new ScanParams().match("crawl:{" + id + "}:*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, match);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
            assertThat(keys).contains("crawl:{" + id + "}:created");
            redis.del(keys.toArray(String[]::new)); // one command: the loss is atomic, as a restart's would be
        }
        JsonObject done = Await.until("crawl " + id + " to finish after its frontier was rebuilt",
                () -> Http.getJson(server.baseUrl() + "/api/crawls/" + id),
                s -> !s.getString("state").equals("RUNNING"), Duration.ofSeconds(150));
        long end = System.nanoTime();
        List<TestWeb.Access> requests = log(firstCrawlEndNanos, end).stream()
                .filter(a -> hosts.contains(a.host())).toList();
        return new RebuiltCrawl(done, before.getJsonNumber("fetched").longValue(), pages(id), requests);
    }

    private Map<String, JsonObject> pages(String id) {
        Map<String, JsonObject> byUrl = new HashMap<>();
        Listings.all(server.baseUrl() + "/api/crawls/" + id + "/pages?limit=100")
                .forEach(item -> byUrl.put(item.getString("url"), item));
        return byUrl;
    }

    /** The first crawl's requests. */
    private List<TestWeb.Access> log() {
        return log(0, firstCrawlEndNanos);
    }

    private List<TestWeb.Access> log(long fromNanos, long toNanos) {
        return web.web().accessLog(a -> a.arrivalNanos() >= fromNanos && a.arrivalNanos() < toNanos);
    }

    private String url(TestWeb.Access access) {
        return access.url(web.port());
    }

    @Test
    void theCrawlFinishes() {
        assertThat(finished.getString("state")).as(finished.toString()).isEqualTo("FINISHED");
        assertThat(finished.getJsonObject("frontier").getJsonNumber("queued").longValue()).isZero();
        assertThat(finished.getJsonObject("frontier").getJsonNumber("inFlight").longValue()).isZero();
        assertThat(finished.getJsonNumber("fetched").longValue()).isPositive();
        assertThat(server.logContains("CWWKY0303W")).as("every batch call (the joiner's too) authorised").isFalse();
        System.out.println("CrawlIT: crawl finished in " + crawlSeconds + " s; " + log().size() + " requests; "
                + finished);
    }

    /** The hosts view shows each host's robots.txt as decided, and the delay in force after its last request. */
    @Test
    void theHostsViewShowsRobotsStateAndTheDelayInForce() {
        Map<String, JsonObject> hosts = new HashMap<>();
        Listings.all(server.baseUrl() + "/api/crawls/" + crawlId + "/hosts?limit=20")
                .forEach(item -> hosts.put(item.getString("host"), item));

        JsonObject paths = hosts.get(web.host(ScenarioHost.DISALLOW_PATHS) + ":" + web.port());
        assertThat(paths.getString("robots")).as(paths.toString()).isEqualTo("rules");
        assertThat(paths.getJsonNumber("delayMs").longValue()).as(paths.toString()).isEqualTo(MIN_DELAY_MS);
        JsonObject slowed = hosts.get(web.host(ScenarioHost.CRAWL_DELAY) + ":" + web.port());
        long crawlDelayMs = web.settings().crawlDelaySeconds() * 1000L;
        assertThat(slowed.getString("robots")).as(slowed.toString()).isEqualTo("rules");
        assertThat(slowed.getJsonNumber("crawlDelayMs").longValue()).as(slowed.toString()).isEqualTo(crawlDelayMs);
        assertThat(slowed.getJsonNumber("delayMs").longValue()).as(slowed.toString()).isEqualTo(crawlDelayMs);
        JsonObject absent = hosts.get(web.host(ScenarioHost.ROBOTS_404) + ":" + web.port());
        assertThat(absent.getString("robots")).as(absent.toString()).isEqualTo("allow-all");
        assertThat(absent.getJsonNumber("crawlDelayMs").longValue()).as(absent.toString()).isZero();
    }

    @Test
    void noRequestWasDisallowedByRobotsTxt() {
        assertThat(log()).filteredOn(a -> web.isDisallowed(url(a))).isEmpty();
        assertThat(web.web().accessLog(web.host(ScenarioHost.DISALLOW_ALL))).extracting(TestWeb.Access::pathAndQuery)
                .containsOnly("/robots.txt");
    }

    @Test
    void consecutiveRequestsToAHostAreAtLeastItsDelayApartRobotsTxtIncluded() {
        Map<String, List<TestWeb.Access>> byHost = log().stream()
                .collect(Collectors.groupingBy(TestWeb.Access::host));
        long crawlDelayMs = web.settings().crawlDelaySeconds() * 1000L;
        List<String> tooClose = new ArrayList<>();
        byHost.forEach((host, accesses) -> {
            long delay = host.equals(web.host(ScenarioHost.CRAWL_DELAY)) ? crawlDelayMs : MIN_DELAY_MS;
            List<TestWeb.Access> ordered = accesses.stream()
                    .sorted(Comparator.comparingLong(TestWeb.Access::arrivalNanos)).toList();
            for (int i = 1; i < ordered.size(); i++) {
                long gapMs = (ordered.get(i).arrivalNanos() - ordered.get(i - 1).arrivalNanos()) / 1_000_000;
                if (gapMs < delay - CLOCK_SLACK_MS) {
                    tooClose.add(host + " " + ordered.get(i - 1).pathAndQuery() + " -> "
                            + ordered.get(i).pathAndQuery() + ": " + gapMs + " ms < " + delay);
                }
            }
        });
        assertThat(tooClose).isEmpty();
        assertThat(byHost.get(web.host(ScenarioHost.CRAWL_DELAY))).as("the Crawl-delay host was crawled").hasSizeGreaterThan(2);
    }

    @Test
    void noUrlIsFetchedAgainUnlessItsLastAnswerWasATransientError() {
        Set<String> slow = Set.of(web.url(ScenarioHost.HUGE_AND_SLOW, "/slow"),
                web.url(ScenarioHost.ROBOTS_SLOW, "/robots.txt"));
        Map<String, Integer> lastStatus = new HashMap<>();
        List<String> repeated = new ArrayList<>();
        log().stream().sorted(Comparator.comparingLong(TestWeb.Access::arrivalNanos)).forEach(access -> {
            String url = url(access);
            Integer before = lastStatus.put(url, access.status());
            if (before != null && !(before == 429 || before >= 500 || before == -1 || slow.contains(url))) {
                repeated.add(url + " after " + before);
            }
        });
        assertThat(repeated).isEmpty();
    }

    @Test
    void limitsAndDepthAreRespectedAndTheTrapIsBounded() {
        // /sitemap.xml is asked of every host; ScenarioWeb counts it as a page where the host has none.
        List<String> pageUrls = web.pageRequests().stream().filter(a -> a.arrivalNanos() < firstCrawlEndNanos)
                .map(this::url).filter(u -> !u.endsWith("/sitemap.xml")).distinct().toList();
        Set<String> reachable = web.expectedFetches(MAX_DEPTH, true);
        assertThat(pageUrls).hasSizeLessThanOrEqualTo((int) MAX_PAGES);
        assertThat(pageUrls).as("within depth %d of the seed or a sitemap, redirects at the same depth", MAX_DEPTH)
                .allMatch(reachable::contains);
        Map<String, Long> perHost = pageUrls.stream()
                .collect(Collectors.groupingBy(u -> URI.create(u).getHost(), Collectors.counting()));
        assertThat(perHost.values()).allMatch(n -> n <= MAX_PAGES_PER_HOST);
        Map<String, Long> reachablePerHost = reachable.stream()
                .collect(Collectors.groupingBy(u -> URI.create(u).getHost(), Collectors.counting()));
        assertThat(reachablePerHost.values()).as("the per-host limit binds somewhere")
                .anyMatch(n -> n > MAX_PAGES_PER_HOST);
        assertThat(pageUrls.stream().filter(web::isTrap)).as("the trap host's limit and the depth bound the trap")
                .hasSizeLessThanOrEqualTo((int) MAX_PAGES_PER_HOST);
        assertThat(new HashSet<>(pageUrls)).as("a page only a sitemap lists")
                .contains(web.url(ScenarioHost.ROBOTS_404, "/from-sitemap"));
        JsonObject redirect = pages.get(web.url(ScenarioHost.REDIRECTS, "/r/301"));
        assertThat(redirect.getInt("status")).as("a redirect is recorded, its target offered as a URL").isEqualTo(301);
    }

    @Test
    void duplicatesAreReportedWithWhatTheyDuplicate() {
        Set<String> sameBytes = new HashSet<>(web.exactDuplicates().keySet());
        sameBytes.addAll(web.exactDuplicates().values());
        List<JsonObject> copies = sameBytes.stream().map(pages::get).toList();
        assertThat(copies).as("every copy was fetched").doesNotContainNull();
        assertThat(copies).filteredOn(p -> text(p, "duplicateOf") == null).as("one original").hasSize(1);
        assertThat(copies).filteredOn(p -> text(p, "duplicateOf") != null)
                .allSatisfy(p -> assertThat(text(p, "duplicateOf")).isIn(sameBytes));
        web.nearDuplicates().forEach((copy, original) -> {
            String dupOf = text(pages.get(copy), "duplicateOf") != null ? text(pages.get(copy), "duplicateOf")
                    : text(pages.get(original), "duplicateOf");
            assertThat(dupOf).as("near duplicates " + copy + " / " + original).isIn(copy, original);
        });
        assertThat(finished.getJsonNumber("duplicates").longValue()).isEqualTo(sameBytes.size() - 1
                + web.nearDuplicates().size());
    }

    @Test
    void nonHtmlIsSkippedAndTheHugePageTruncated() {
        JsonObject image = pages.get(web.url(ScenarioHost.NON_HTML, "/image.png"));
        assertThat(text(image, "errorKind")).isEqualTo("unsupported-content-type");
        assertThat(text(image, "contentHash")).isNull();
        JsonObject huge = pages.get(web.url(ScenarioHost.HUGE_AND_SLOW, "/huge"));
        assertThat(huge.getBoolean("truncated")).isTrue();
        assertThat(huge.getInt("status")).isEqualTo(200);
        JsonObject missing = pages.get(web.missingHostUrl());
        assertThat(text(missing, "errorKind")).isEqualTo("dns");
        assertThat(finished.getJsonObject("errors").getJsonNumber("dns").longValue()).isEqualTo(1);
        assertThat(text(pages.get(web.url(ScenarioHost.ROBOTS_500, "/")), "errorKind"))
                .isEqualTo("robots-unavailable");
    }

    /** A string field; null when absent (JSON-B leaves null fields out) or null. */
    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value == null || value == JsonValue.NULL ? null : object.getString(field);
    }

    @Test
    void aFrontierLostFromRedisIsRebuiltFromThePagesAndNoStoredPageIsFetchedAgain() {
        JsonObject finished = rebuilt.finished();
        System.out.println("CrawlIT: crawl with a lost frontier: " + rebuilt.fetchedBeforeLoss() + " fetched before "
                + "the loss, " + rebuilt.pages().size() + " pages stored, " + rebuilt.requests().size()
                + " requests; " + finished);
        assertThat(finished.getString("state")).as(finished.toString()).isEqualTo("FINISHED");
        assertThat(text(finished, "frontierRebuiltAt")).as("the status says the frontier was rebuilt").isNotNull();
        Map<String, Long> requestsPerStoredPage = rebuilt.requests().stream().map(this::url)
                .filter(rebuilt.pages()::containsKey)
                .collect(Collectors.groupingBy(u -> u, Collectors.counting()));
        assertThat(requestsPerStoredPage.entrySet()).filteredOn(e -> e.getValue() > 1).as("stored pages fetched twice")
                .isEmpty();
        assertThat(requestsPerStoredPage).as("every stored page was requested").hasSize(rebuilt.pages().size());
        long storedOk = rebuilt.pages().values().stream().filter(p -> text(p, "errorKind") == null).count();
        assertThat(finished.getJsonNumber("fetched").longValue()).as("the counters, restored from the documents")
                .isEqualTo(storedOk);
        assertThat(storedOk).as("the crawl went on after the rebuild").isGreaterThan(rebuilt.fetchedBeforeLoss());
    }
}
