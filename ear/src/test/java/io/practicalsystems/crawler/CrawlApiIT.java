package io.practicalsystems.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.BatchJobs;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.Listings;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The crawler's REST contract on the shared server: create (admin, HTTPS), status, transitions with the crawl-run
 * job, listings, and problem+json for bad input. No page is fetched here: the crawls that start have seeds under
 * .invalid, which never resolves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrawlApiIT {

    private LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    private String admin(String path) {
        return server.httpsBaseUrl() + "/api/crawls" + path;
    }

    private String open(String path) {
        return server.baseUrl() + "/api/crawls" + path;
    }

    private Http.Response create(String body) {
        return Http.post(admin(""), body, TestServers.admin());
    }

    private String createId(String body) {
        Http.Response created = create(body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().getString("id");
    }

    private Http.Response act(String id, String action) {
        return Http.post(admin("/" + id + "/" + action), null, TestServers.admin());
    }

    private JsonObject status(String id) {
        return Http.getJson(open("/" + id));
    }

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void createAnswers201WithLocationAndTheStatusShape() {
        Http.Response created = create("{\"seeds\":[\"HTTPS://Example.org\"],\"allowedDomains\":[\"example.org\"],"
                + "\"maxDepth\":2,\"maxPages\":10,\"minDelayMs\":100,\"allowPrivateAddresses\":false}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonObject body = created.json();
        String id = body.getString("id");
        assertThat(id).matches("[0-9]{1,19}");
        assertThat(body.getString("state")).isEqualTo("CREATED");
        assertThat(created.header("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/crawls/" + id));
        assertThat(body.getJsonObject("definition").getJsonArray("seeds").getString(0))
                .isEqualTo("https://example.org/");

        JsonObject status = status(id);
        assertThat(status.getString("state")).isEqualTo("CREATED");
        assertThat(status.getJsonNumber("fetched").longValue()).isZero();
        assertThat(status.getJsonObject("frontier").getJsonNumber("queued").longValue()).isZero();
        assertThat(status.getJsonNumber("duplicates").longValue()).isZero();
        assertThat(status.getJsonObject("errors")).isEmpty();
        assertThat(status.getJsonNumber("pagesPerSecond").doubleValue()).isZero();
        assertThat(status.getJsonObject("definition").getJsonNumber("maxPages").longValue()).isEqualTo(10);

        JsonObject pages = Http.getJson(open("/" + id + "/pages"));
        assertThat(pages.getJsonArray("items")).isEmpty();
        assertThat(pages.isNull("next")).isTrue();
        assertThat(Http.getJson(open("?limit=100")).toString()).contains("\"id\":\"" + id + "\"");
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "{}|seeds",
        "{\"seeds\":[]}|seeds",
        "{\"seeds\":[\"ftp://files.example.org/\"]}|seeds",
        "{\"seeds\":[\"not a url\"]}|seeds",
        "{\"seeds\":[\"https://example.org/\"],\"maxDepth\":-1}|maxDepth",
        "{\"seeds\":[\"https://example.org/\"],\"maxPages\":-10}|maxPages",
        "{\"seeds\":[\"https://example.org/\"],\"minDelayMs\":-5}|minDelayMs",
        "{\"seeds\":[\"https://example.org/\"],\"allowedDomains\":[\"bad domain\"]}|allowedDomains",
        "{\"seeds\":[\"https://example.org/\"],\"includePatterns\":[\"(\"]}|includePatterns",
        "{\"seeds\":[\"https://example.org/\"],\"maxDepht\":2}|maxDepht",
        "{\"seeds\":[\"https://example.org/\"],\"seenSet\":{\"kind\":\"bloom\",\"expectedUrls\":10,"
                + "\"falsePositiveRate\":0.01,\"rate\":1}}|seenSet.rate",
        "{\"seeds\":[\"https://example.org/\"],\"seenSet\":{\"kind\":\"cuckoo\"}}|seenSet.kind",
        "{\"seeds\":[\"https://example.org/\"],\"seenSet\":{\"kind\":\"bloom\",\"expectedUrls\":1000000000000,"
                + "\"falsePositiveRate\":0.01}}|seenSet.expectedUrls",
        "{\"seeds\":[\"https://example.org/\"],\"seenSet\":{\"kind\":\"bloom\",\"expectedUrls\":1000,"
                + "\"falsePositiveRate\":0.5}}|seenSet.falsePositiveRate"})
    void badDefinitionsAre400NamingTheField(String body, String field) {
        Http.Response response = create(body);
        assertProblem(response, 400);
        assertThat(response.json().getString("field")).isEqualTo(field);
        assertThat(response.json().getString("detail")).contains(field.substring(field.indexOf('.') + 1));
    }

    @Test
    void aBodyThatIsNotADefinitionIs400() {
        assertProblem(create("{\"seeds\":"), 400);
        assertProblem(create("{\"seeds\":\"https://example.org/\"}"), 400);
        assertProblem(create("[{\"seeds\":[\"https://example.org/\"]}]"), 400);
    }

    @Test
    void unknownCrawlsAre404AndBadParametersAre400() {
        assertProblem(Http.get(open("/1")), 404);
        assertProblem(Http.get(open("/not-an-id/pages")), 404);
        assertProblem(act("1", "start"), 404);
        String id = createId("{\"seeds\":[\"https://example.org/\"]}");
        assertProblem(Http.get(open("/" + id + "/pages?cursor=garbage")), 400);
        assertProblem(Http.get(open("/" + id + "/hosts?cursor=garbage")), 400);
        Http.Response negative = Http.get(open("/" + id + "/pages?limit=-1"));
        assertProblem(negative, 400);
        assertThat(negative.json().getString("field")).isEqualTo("limit");
    }

    @Test
    void controlNeedsTheAdminButReadsArePublic() {
        String id = createId("{\"seeds\":[\"https://example.org/\"]}");
        assertProblem(Http.post(admin(""), "{\"seeds\":[\"https://example.org/\"]}"), 401);
        assertProblem(Http.post(admin("/" + id + "/start"), null), 401);
        assertProblem(Http.post(admin("/" + id + "/stop"), null, Http.basicAuth(TestServers.ADMIN_USER, "wrong")), 401);
        assertThat(status(id).getString("state")).isEqualTo("CREATED");
        assertThat(Http.get(open("/" + id)).status()).isEqualTo(200);
    }

    @Test
    void aStartedCrawlIsSeededByItsBatchJobAndListsItsHosts() {
        // .invalid never resolves (RFC 2606): the pipeline contacts nobody. Each host's first URL fails at once; its
        // second waits out the 60 s delay, so the crawl is still RUNNING when it is stopped below.
        String id = createId("{\"seeds\":[\"https://a.crawl.invalid/\",\"https://b.crawl.invalid/\","
                + "\"https://a.crawl.invalid/2\",\"https://b.crawl.invalid/2\"],\"maxDepth\":0,\"minDelayMs\":60000}");
        assertProblem(act(id, "pause"), 409);
        Http.Response started = act(id, "start");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().getString("state")).isEqualTo("RUNNING");
        assertThat(started.json().getString("startedAt")).isNotBlank();
        JsonObject seeded = Await.until("crawl " + id + " to be seeded by its crawl-run job", () -> status(id),
                s -> s.getJsonObject("frontier").getJsonNumber("seen").longValue() == 4, Duration.ofSeconds(60));
        assertThat(seeded.getJsonObject("frontier").getJsonNumber("hosts").longValue()).isEqualTo(2);
        assertProblem(act(id, "start"), 409);

        JsonObject hosts = Http.getJson(open("/" + id + "/hosts?limit=1"));
        assertThat(hosts.getJsonArray("items")).as("a page of one").hasSize(1);
        assertThat(Listings.all(open("/" + id + "/hosts?limit=1"))).as("two pages of one host each")
                .extracting(host -> host.getString("host"))
                .containsExactlyInAnyOrder("a.crawl.invalid", "b.crawl.invalid");

        Http.Response stopped = act(id, "stop");
        assertThat(stopped.status()).isEqualTo(202);
        assertThat(stopped.json().getString("endedAt")).isNotBlank();
        Http.Response again = act(id, "start");
        assertProblem(again, 409);
        assertThat(again.json().getString("state")).isEqualTo("STOPPED");
    }

    /**
     * What the Admin Center's Java Batch tool does: submit {@code crawl-run} with a {@code crawlId} through Liberty's
     * batch REST API. The job starts the CREATED crawl, and while it runs its steps are visible there with their
     * metrics (the dispatch step commits a chunk at least every 2 s, so its counts move while hosts are waited on).
     * One host under .invalid with a 60 s delay keeps the crawl running: its URLs fail one per host turn.
     */
    @Test
    void aCrawlRunSubmittedThroughTheBatchApiStartsTheCrawlAndShowsItsStepsWhileItRuns() {
        String seeds = IntStream.range(0, 5).mapToObj(i -> "\"https://slow.crawl.invalid/" + i + "\"")
                .collect(Collectors.joining(","));
        String id = createId("{\"seeds\":[" + seeds + "],\"maxDepth\":0,\"minDelayMs\":60000}");
        long instance = BatchJobs.start(server, "crawl-run", Map.of("crawlId", id));

        Await.until("crawl " + id + " to be started and seeded by the submitted job", () -> status(id),
                s -> "RUNNING".equals(s.getString("state")) && s.getJsonObject("frontier") != null
                        && s.getJsonObject("frontier").getJsonNumber("seen").longValue() == 5, Duration.ofSeconds(60));
        // Its counts move while the host is waited on: a chunk commits every 2 s, the idle ticks filtered out. Its one
        // host's first URL is the only claim (the next waits 60 s), so exactly one item was written (dispatched).
        JsonObject dispatch = Await.until("the dispatch step to show two commits in the batch API",
                () -> step(instance, "dispatch"), step -> step != null
                        && "STARTED".equals(step.getString("batchStatus", "")) && metric(step, "COMMIT_COUNT") >= 2,
                Duration.ofSeconds(60));
        assertThat(metric(dispatch, "WRITE_COUNT")).as(dispatch.toString()).isEqualTo(1);
        assertThat(metric(dispatch, "FILTER_COUNT")).as(dispatch.toString()).isPositive();
        assertThat(metric(dispatch, "READ_COUNT")).as(dispatch.toString())
                .isEqualTo(metric(dispatch, "WRITE_COUNT") + metric(dispatch, "FILTER_COUNT"));
        assertThat(step(instance, "seed").getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(BatchJobs.instance(server, instance).getString("batchStatus")).isEqualTo("STARTED");

        assertThat(act(id, "stop").status()).isEqualTo(202);
        JsonObject execution = BatchJobs.awaitFinished(server, instance);
        assertThat(execution.getString("batchStatus")).as(execution.toString()).isEqualTo("COMPLETED");
        assertThat(step(instance, "dispatch").getString("batchStatus")).isEqualTo("COMPLETED");
    }

    /** One of a step's metrics, as the batch REST API shows them ({@code "metrics":{"READ_COUNT":"3",…}}). */
    private static long metric(JsonObject step, String name) {
        return Long.parseLong(step.getJsonObject("metrics").getString(name));
    }

    /** The step of the instance's latest execution with this name, as the batch REST API shows it; null if none yet. */
    private JsonObject step(long instance, String name) {
        String batch = server.httpsBaseUrl() + "/ibm/api/batch";
        JsonArray executions = Json.createReader(new StringReader(Http.get(batch + "/jobinstances/" + instance
                + "/jobexecutions", TestServers.admin()).body())).readArray();
        if (executions.isEmpty()) {
            return null;
        }
        long execution = executions.getJsonObject(executions.size() - 1).getJsonNumber("executionId").longValue();
        JsonArray steps = Json.createReader(new StringReader(Http.get(batch + "/jobexecutions/" + execution
                + "/stepexecutions", TestServers.admin()).body())).readArray();
        return steps.getValuesAs(JsonObject.class).stream().filter(s -> name.equals(s.getString("stepName", "")))
                .findFirst().orElse(null);
    }

    @Test
    void pauseResumeAndStopFollowTheStateMachine() {
        // One host that never resolves, 60 s apart: its first URL fails at once, the rest keep the crawl RUNNING until
        // the stop below (with the default delay its 20 URLs could all fail first, and the stop was then 409).
        String seeds = IntStream.range(0, 20).mapToObj(i -> "\"https://busy.crawl.invalid/" + i + "\"")
                .collect(Collectors.joining(","));
        String id = createId("{\"seeds\":[" + seeds + "],\"maxDepth\":0,\"minDelayMs\":60000}");
        assertThat(act(id, "start").status()).isEqualTo(202);
        Http.Response paused = act(id, "pause");
        assertThat(paused.status()).as(paused.body()).isEqualTo(202);
        assertThat(paused.json().getString("state")).isEqualTo("PAUSED");
        assertProblem(act(id, "pause"), 409);
        Http.Response resumed = act(id, "resume");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(202);
        assertThat(resumed.json().getString("state")).isEqualTo("RUNNING");
        Http.Response stopped = act(id, "stop");
        assertThat(stopped.status()).as(stopped.body()).isEqualTo(202);
        assertThat(stopped.json().getString("state")).isEqualTo("STOPPED");
        assertProblem(act(id, "resume"), 409);
    }

    @Test
    void aBloomFilterSeenSetIsChosenPerCrawlAndItsRateShown() {
        String seeds = IntStream.range(0, 40).mapToObj(i -> "\"https://bloom.crawl.invalid/" + i + "\"")
                .collect(Collectors.joining(","));
        String id = createId("{\"seeds\":[" + seeds + "],\"maxDepth\":0,"
                + "\"seenSet\":{\"kind\":\"bloom\",\"expectedUrls\":1000,\"falsePositiveRate\":0.01}}");
        JsonObject created = status(id);
        assertThat(created.getJsonObject("seenSet").getString("kind")).isEqualTo("bloom");
        assertThat(created.getJsonObject("seenSet").getJsonNumber("falsePositiveRate").doubleValue()).isEqualTo(0.01);
        assertThat(created.getJsonObject("seenSet").getJsonNumber("estimatedFalsePositiveRate").doubleValue())
                .isZero();
        assertThat(created.getJsonObject("definition").getJsonObject("seenSet").getJsonNumber("expectedUrls")
                .longValue()).isEqualTo(1000);

        assertThat(act(id, "start").status()).isEqualTo(202);
        JsonObject seeded = Await.until("crawl " + id + " to be seeded", () -> status(id),
                s -> s.getJsonObject("frontier").getJsonNumber("seen").longValue() == 40, Duration.ofSeconds(60));
        // 40 of the 1000 URLs it is sized for: about (1 - e^(-7*40/9586))^7, some 1e-11, far below 1 %.
        assertThat(seeded.getJsonObject("seenSet").getJsonNumber("estimatedFalsePositiveRate").doubleValue())
                .isPositive().isLessThan(0.0001);
        try (UnifiedJedis redis = RedisClient.create(TestServers.redisUrl())) {
            assertThat(redis.exists("crawl:{" + id + "}:seenbloom")).isTrue();
            assertThat(redis.exists("crawl:{" + id + "}:seen")).isFalse();
        }
        assertThat(status(createId("{\"seeds\":[\"https://example.org/\"]}")).getJsonObject("seenSet")
                .getString("kind")).isEqualTo("exact");
        act(id, "stop");
    }

    @Test
    void aCrawlIsDeletedOnlyWhenNotRunningAndThenLeavesNothing() {
        // One host that never resolves, 60 s apart: its first URL fails at once, the other two keep the crawl RUNNING
        // (with one URL per host the crawl could finish before the stop below, which is then 409).
        String id = createId("{\"seeds\":[\"https://a.gone.invalid/1\",\"https://a.gone.invalid/2\","
                + "\"https://a.gone.invalid/3\"],\"maxDepth\":0,\"minDelayMs\":60000}");
        assertThat(act(id, "start").status()).isEqualTo(202);
        Await.until("crawl " + id + " to be seeded", () -> status(id),
                s -> s.getJsonObject("frontier").getJsonNumber("seen").longValue() == 3, Duration.ofSeconds(60));
        try (UnifiedJedis redis = RedisClient.create(TestServers.redisUrl())) {
            assertThat(crawlKeys(redis, id)).isNotEmpty();

            Http.Response running = Http.delete(admin("/" + id), null, TestServers.admin());
            assertProblem(running, 409);
            assertThat(running.json().getString("detail")).contains("stop it first");
            // (the anonymous 401's problem body is asserted in controlNeedsTheAdminButReadsArePublic)
            assertThat(Http.delete(admin("/" + id)).status()).isEqualTo(401);
            assertThat(act(id, "stop").status()).isEqualTo(202);
            // a fetch task still in flight would write its completion after the delete
            Await.until("crawl " + id + " to have nothing in flight", () -> status(id),
                    s -> s.getJsonObject("frontier").getJsonNumber("inFlight").longValue() == 0,
                    Duration.ofSeconds(60));

            Http.Response deleted = Http.delete(admin("/" + id), null, TestServers.admin());
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            assertProblem(Http.get(open("/" + id)), 404);
            assertProblem(Http.get(open("/" + id + "/pages")), 404);
            assertProblem(Http.delete(admin("/" + id), null, TestServers.admin()), 404);
            assertThat(crawlKeys(redis, id)).isEmpty();
        }
    }

    /** The crawl's keys in the real Redis, frontier's and pipeline's, found as the server finds them (SCAN). */
    private static java.util.List<String> crawlKeys(UnifiedJedis redis, String id) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        for (String pattern : java.util.List.of("crawl:{" + id + "}:*", "crawler:{" + id + "}:*")) {
            ScanParams params = new ScanParams().match(pattern).count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = redis.scan(cursor, params);
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return keys;
    }
}
