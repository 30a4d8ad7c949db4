package io.practicalsystems.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.testweb.AccessLogs;
import io.practicalsystems.crawler.testweb.TestWeb;
import io.practicalsystems.platform.docstore.EmbeddedMongo;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.FreePorts;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyCluster;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Liberty servers crawl one crawl, then lose things for real: (A) server node0 is killed with SIGKILL mid-crawl;
 * node1 crawls on alone and takes over node0's hosts when their leases expire; node0 is started again (the crawl
 * paused meanwhile) and resumes its share once the crawl is resumed; (B) the one Redis both use is killed mid-crawl and started again on its append-only file: the status stays
 * readable and says Redis is unavailable, and the crawl goes on and finishes.
 *
 * <p>Everything is the test's own: a redis-server ({@link RestartableRedis}), a Mongo-wire document store, the DNS
 * server and the generated web ({@link FailoverWeb}), whose log names the server of every request (each server has its
 * own contact URL, which goes into its User-Agent). Asserted from that log: every URL fetched, none fetched twice
 * (A: except a page node0 had fetched and not yet completed when it died — its lease expires and node1 fetches it
 * again, which is the documented price of a crash; such a repeat must start after the kill), and no host fetched by
 * both servers at once (consecutive requests to a host, whichever server sent them, at least the delay apart).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrawlFailoverIT {

    private static final int HOSTS = 16;
    private static final int PAGES_PER_HOST = 60;
    private static final long MIN_DELAY_MS = 500;
    private static final long LEASE_MS = 10_000;
    private static final int FETCH_CONCURRENCY = 4;
    /** The frontier schedules in whole milliseconds of Redis time, the log in nanoTime. */
    private static final long CLOCK_SLACK_MS = 2;
    private static final Duration CRAWL_TIMEOUT = Duration.ofSeconds(400);

    private FailoverWeb web;
    private RestartableRedis redis;
    private LibertyCluster cluster;
    private final long startedNanos = System.nanoTime();

    @BeforeAll
    void start(OwnServers own) throws Exception {
        Path dir = Files.createTempDirectory("crawl-failover-");
        web = own.closeWhenDone(FailoverWeb.start(PAGES_PER_HOST));
        redis = own.closeWhenDone(new RestartableRedis(FreePorts.next(), dir.resolve("redis")));
        Files.createDirectories(dir.resolve("redis"));
        redis.start();
        EmbeddedMongo documents = own.closeWhenDone(EmbeddedMongo.start(dir.resolve("docs/crawl.mv"),
                FreePorts.next()));
        cluster = own.start(LibertyCluster.of(2, i -> TestServers.realServices("crawl-failover-" + i)
                .env("PS_REDIS_URL", redis.url())
                .env("PS_MONGODB_URL", documents.connectionString())
                .env("PS_IDGEN_WORKER_ID", 1009 + 2 * i) // static: the ID lease must not depend on the Redis we kill
                .env("PS_CRAWLER_CONTACT_URL", agentOf(i))
                .env("PS_CRAWLER_DNS_SERVER", web.dnsServer())
                .env("PS_CRAWLER_FETCH_CONCURRENCY", FETCH_CONCURRENCY)
                .env("PS_CRAWLER_LEASE_MS", Long.toString(LEASE_MS))
                .env("PS_CRAWLER_CONNECT_TIMEOUT_MS", 1000)
                .env("PS_CRAWLER_READ_TIMEOUT_MS", 2000)
                .env("PS_CRAWLER_FETCH_DEADLINE_MS", 3000)
                .env("PS_CRAWLER_JOIN_INTERVAL_MS", 1000)
                .startTimeout(Duration.ofMinutes(15))));
        System.out.println("CrawlFailoverIT: services and two servers up after " + seconds() + " s");
    }

    /** Server i's contact URL, which its User-Agent carries: the log tells the servers apart by it. */
    private static String agentOf(int i) {
        return "http://node" + i + ".crawler.test/";
    }

    private static boolean sentBy(TestWeb.Access hit, int server) {
        return hit.userAgent().contains(agentOf(server));
    }

    @Test
    @Order(1)
    void aServerKilledMidCrawlLeavesItsHostsToTheOtherAndResumesWhenStartedAgain() throws Exception {
        List<String> hosts = web.addHosts("a", 21, HOSTS);
        Set<String> expected = web.expectedUrls(hosts);
        LibertyServer killed = cluster.get(0);
        LibertyServer survivor = cluster.get(1);
        String id = createAndStart(killed, hosts);
        awaitBothFetchingAndAThirdDone(hosts, expected.size());

        long killStartedAt = System.nanoTime();
        killed.kill(); // returns once the JVM is gone
        long killedAt = System.nanoTime();
        Set<String> hostsOfKilled = lastWorkedBy(0, web.hits(hosts));
        int beforeKill = web.hits(hosts).size();
        // The survivor crawls on alone and, once the dead server's leases end, takes over its hosts.
        Await.until("the survivor to fetch from one of the hosts " + hostsOfKilled + " the killed server was "
                + "working (once its lease ended); such requests so far",
                () -> hitsAfter(killedAt, 1, web.hits(hosts)).stream().filter(h -> hostsOfKilled.contains(h.host()))
                        .count(), n -> n > 0, CRAWL_TIMEOUT);
        // Held while the killed server starts again (a start takes minutes on a loaded machine; the rest of the
        // crawl takes seconds), so the restarted server is seen to resume the crawl, not only to find it finished.
        control(survivor, id, "pause");
        long pausedAt = System.nanoTime();
        int beforeRestart = web.hits(hosts).size();
        killed.start();
        killed.awaitReady(Duration.ofMinutes(10));
        control(killed, id, "resume");
        long resumedAt = System.nanoTime();
        JsonObject finished = awaitEnd(survivor, id);
        List<TestWeb.Access> hits = web.hits(hosts);
        System.out.println("CrawlFailoverIT A: " + beforeKill + " requests before the kill, " + beforeRestart
                + " before the restart, " + hits.size() + " in all; node0 down for "
                + Duration.ofNanos(resumedAt - killedAt).toSeconds() + " s; finished " + seconds()
                + " s into the class; " + finished);

        assertThat(finished.getString("state")).isEqualTo("FINISHED");
        assertThat(finished.getJsonObject("frontier").getJsonNumber("inFlight").longValue()).isZero();
        assertThat(finished.getJsonNumber("fetched").longValue()).isEqualTo(hosts.size() * (PAGES_PER_HOST + 1L));
        assertThat(hits.stream().map(FailoverWeb::url).collect(Collectors.toSet())).isEqualTo(expected);
        // (A request node0 sent just before it died can show in the log a little after the kill returned: the test
        // web takes it off its socket late on a loaded machine. So "node0 sent nothing while down" is not asserted.)
        assertThat(hits).filteredOn(h -> h.arrivalNanos() > killedAt && h.arrivalNanos() < pausedAt && sentBy(h, 1))
                .as("the survivor's requests while the killed server was down").isNotEmpty();
        assertThat(hitsAfter(resumedAt, 0, hits)).as("the restarted server's requests after the resume").isNotEmpty();

        List<String> repeats = new ArrayList<>();
        Map<String, List<TestWeb.Access>> byUrl = hits.stream().collect(Collectors.groupingBy(FailoverWeb::url));
        byUrl.forEach((url, list) -> {
            if (list.size() == 1) {
                return;
            }
            // First sent by node0 before it died (it sent nothing until its restart), at most a lease before the
            // kill; the repeat after the kill.
            boolean crashRepeat = list.size() == 2 && sentBy(list.get(0), 0) && list.get(0).arrivalNanos() < pausedAt
                    && killStartedAt - list.get(0).arrivalNanos() < Duration.ofMillis(LEASE_MS).toNanos()
                    && list.get(1).arrivalNanos() > killStartedAt;
            if (!crashRepeat) {
                repeats.add(url + " " + list);
            }
        });
        assertThat(repeats).as("fetched twice other than a page the killed server had not completed").isEmpty();
        long crashRepeats = byUrl.values().stream().filter(l -> l.size() > 1).count();
        assertThat(crashRepeats).as("at most what the killed server had in flight")
                .isLessThanOrEqualTo(2L * FETCH_CONCURRENCY);
        System.out.println("CrawlFailoverIT A: " + crashRepeats + " page(s) fetched again after the kill");

        assertPolite(hits);
        JsonObject onRestarted = Http.getJson(killed.baseUrl() + "/api/crawls/" + id);
        assertThat(onRestarted.getString("state")).isEqualTo("FINISHED");
    }

    @Test
    @Order(2)
    void withRedisKilledMidCrawlTheStatusSaysSoAndTheCrawlFinishesAfterItsRestart() throws Exception {
        List<String> hosts = web.addHosts("b", 22, HOSTS);
        Set<String> expected = web.expectedUrls(hosts);
        String id = createAndStart(cluster.get(1), hosts);
        awaitBothFetchingAndAThirdDone(hosts, expected.size());
        // Another system on the same servers: a feed profile is read through Redis's graph and counter tiers.
        String handle = "outage_" + System.nanoTime() % 1_000_000_000L;
        Http.Response signedUp = Http.post(cluster.get(0).baseUrl() + "/api/feed/users",
                "{\"handle\":\"" + handle + "\",\"password\":\"a-long-enough-password\"}");
        assertThat(signedUp.status()).as(signedUp.body()).isEqualTo(201);

        redis.kill();
        int atKill = web.hits(hosts).size();
        for (LibertyServer server : cluster.servers()) {
            Http.Response during = Http.get(server.baseUrl() + "/api/crawls/" + id);
            assertThat(during.status()).as(during.body()).isEqualTo(200);
            JsonObject status = during.json();
            assertThat(status.getString("state")).isEqualTo("RUNNING");
            assertThat(status.get("frontier")).as("frontier").isIn(null, jakarta.json.JsonValue.NULL);
            assertThat(status.getString("unavailable")).contains("Redis");
            // Where a request cannot be answered without Redis: 503 with Retry-After, not a 500 incident.
            Http.Response profile = Http.get(server.baseUrl() + "/api/feed/users/" + handle);
            assertThat(profile.status()).as(profile.body()).isEqualTo(503);
            assertThat(profile.header("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(profile.header("Retry-After")).hasValue("5");
            assertThat(profile.json().getString("detail")).isEqualTo("Redis is unavailable; try again shortly");
        }
        Thread.sleep(4_000);
        int duringOutage = web.hits(hosts).size() - atKill;
        redis.start();
        Await.until("the feed profile to answer again once Redis is back",
                () -> Http.get(cluster.get(1).baseUrl() + "/api/feed/users/" + handle).status(), s -> s == 200,
                Duration.ofMinutes(2));
        System.out.println("CrawlFailoverIT B: Redis back with " + redis.keys() + " keys; " + duringOutage
                + " requests while it was down (fetches already under way)");

        JsonObject finished = awaitEnd(cluster.get(0), id);
        List<TestWeb.Access> hits = web.hits(hosts);
        System.out.println("CrawlFailoverIT B: " + hits.size() + " requests; finished " + seconds()
                + " s into the class; " + finished);
        assertThat(finished.getString("state")).isEqualTo("FINISHED");
        assertThat(finished.getJsonNumber("fetched").longValue()).isEqualTo(hosts.size() * (PAGES_PER_HOST + 1L));
        assertThat(hits.stream().map(FailoverWeb::url).collect(Collectors.toSet())).isEqualTo(expected);
        Map<String, Long> counts = hits.stream().collect(Collectors.groupingBy(FailoverWeb::url,
                Collectors.counting()));
        assertThat(counts).as("URLs fetched twice").allSatisfy((url, n) -> assertThat(n).as(url).isEqualTo(1));
        assertPolite(hits);
    }

    /** Waits until both servers have sent requests for these hosts and a third of the crawl's URLs are requested. */
    private void awaitBothFetchingAndAThirdDone(List<String> hosts, int urls) {
        // The probe answers requests per server (node0, node1): a failure message with numbers, not the whole log.
        Await.until("both servers fetching and a third of the " + urls + " URLs requested; requests by node0, node1",
                () -> List.of(hitsAfter(0, 0, web.hits(hosts)).size(), hitsAfter(0, 1, web.hits(hosts)).size()),
                n -> n.get(0) > 0 && n.get(1) > 0 && n.get(0) + n.get(1) >= urls / 3, CRAWL_TIMEOUT);
    }

    /** The hosts whose latest request (so far) server i sent. */
    private static Set<String> lastWorkedBy(int server, List<TestWeb.Access> hits) {
        Map<String, TestWeb.Access> last = hits.stream().collect(Collectors.toMap(TestWeb.Access::host, h -> h,
                (a, b) -> b));
        return last.values().stream().filter(h -> sentBy(h, server)).map(TestWeb.Access::host)
                .collect(Collectors.toSet());
    }

    /** Server i's requests that arrived after {@code nanos} (System.nanoTime, as the log's arrival times). */
    private static List<TestWeb.Access> hitsAfter(long nanos, int server, List<TestWeb.Access> hits) {
        return hits.stream().filter(h -> h.arrivalNanos() > nanos && sentBy(h, server)).toList();
    }

    private static void control(LibertyServer server, String id, String action) {
        Http.Response answer = Http.post(server.httpsBaseUrl() + "/api/crawls/" + id + "/" + action, null,
                TestServers.admin());
        assertThat(answer.status()).as(action + " on " + server.name() + ": " + answer.body()).isEqualTo(202);
    }

    private String createAndStart(LibertyServer server, List<String> hosts) {
        String seeds = web.seeds(hosts).stream().map(s -> "\"" + s + "\"").collect(Collectors.joining(","));
        Http.Response created = Http.post(server.httpsBaseUrl() + "/api/crawls", "{\"seeds\":[" + seeds + "],"
                + "\"allowedDomains\":[\"fail.test\"],\"maxDepth\":1,\"maxPages\":100000,\"maxPagesPerHost\":1000,"
                + "\"minDelayMs\":" + MIN_DELAY_MS + ",\"allowPrivateAddresses\":true}", TestServers.admin());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().getString("id");
        Http.Response started = Http.post(server.httpsBaseUrl() + "/api/crawls/" + id + "/start", null,
                TestServers.admin());
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return id;
    }

    private static JsonObject awaitEnd(LibertyServer server, String id) {
        return Await.until("crawl " + id + " to end", () -> Http.getJson(server.baseUrl() + "/api/crawls/" + id),
                s -> !s.getString("state").equals("RUNNING"), CRAWL_TIMEOUT);
    }

    /** One request at a time per host, whichever server sent it, and consecutive ones at least the delay apart. */
    private static void assertPolite(List<TestWeb.Access> hits) {
        assertThat(AccessLogs.overlapsPerHost(hits)).as("requests to one host in progress at once").isEmpty();
        assertThat(AccessLogs.smallestGapPerHost(hits)).as("smallest gap between requests to a host")
                .allSatisfy((host, gap) -> assertThat(gap.toMillis()).as(host)
                        .isGreaterThanOrEqualTo(MIN_DELAY_MS - CLOCK_SLACK_MS));
    }

    private long seconds() {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }
}
