package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.BatchJobs;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * The bare-machine path: nothing configured, nothing answering on the default ports (the test points the
 * defaults at free ports), so the server starts its embedded Redis and Mongo-wire servers, uses a Derby file,
 * serves, keeps Batch job history across a restart, and takes the embedded servers down with it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultsIT {

    private LibertyServer server;
    private int redisPort;
    private long jobInstance;
    private String feedToken;

    /** A server of its own: it runs on other settings, is restarted and stopped by the tests. */
    @BeforeAll
    void start(OwnServers own) {
        server = own.build(TestServers.embeddedDefaults("embedded-defaults"));
        redisPort = Integer.parseInt(server.env().get("PS_EMBEDDED_REDIS_PORT"));
        assertThat(answers(redisPort)).as("nothing may listen on the embedded port before start").isFalse();
        server.start();
        server.awaitReady();
    }

    @Test
    @Order(1)
    void everyBackendIsTheEmbeddedOneAndReady() {
        assertThat(Http.getJson(server.baseUrl() + "/health/ready").getString("status")).isEqualTo("UP");
        JsonObject health = Http.getJson(server.httpsBaseUrl() + "/api/admin/health", TestServers.admin());
        assertThat(check(health, "redis").getJsonObject("data").getString("backend"))
                .isEqualTo("embedded redis on 127.0.0.1:" + redisPort + " (nothing configured, nothing answering)");
        assertThat(check(health, "sql").getJsonObject("data").getString("database")).isEqualTo("Apache Derby");
        assertThat(server.logContains("Redis backend: embedded redis on 127.0.0.1:" + redisPort)).isTrue();
        assertThat(server.logContains("SQL backend: Apache Derby")).isTrue();
    }

    @Test
    @Order(2)
    void theEmbeddedRedisIsARealRedisHoldingTheWorkerLease() {
        int worker = Http.getJson(server.baseUrl() + "/api/ids/info").getInt("workerId");
        try (UnifiedJedis redis = RedisClient.create("127.0.0.1", redisPort)) {
            assertThat(redis.ping()).isEqualTo("PONG");
            assertThat(redis.get("idgen:lease:" + worker)).isNotBlank();
        }
        assertThat(Http.get(server.baseUrl() + "/api/ids/next").status()).isEqualTo(200);
    }

    /** Issue 14's bad-input probe, replayed: see {@link ErrorProbe}. */
    @Test
    @Order(3)
    void everyErrorTheApplicationAnswersIsAProblemThatNamesNothing() {
        SoftAssertions softly = new SoftAssertions();
        for (ErrorProbe.Probe probe : ErrorProbe.applicationErrors(TestServers.ADMIN_USER)) {
            softly.check(() -> ErrorProbe.assertProblem(probe, ErrorProbe.send(server.httpPort(), probe)));
        }
        for (ErrorProbe.Probe probe : ErrorProbe.libertyErrors()) {
            softly.check(() -> {
                ErrorProbe.Answer answer = ErrorProbe.send(server.httpPort(), probe);
                assertThat(answer.status()).as("%s: %s", probe, answer).isEqualTo(probe.expectedStatus());
                ErrorProbe.assertNamesNothing(probe, answer);
            });
        }
        softly.assertAll();
    }

    /**
     * Over HTTPS an admin call without the admin's credentials meets Liberty's Basic challenge: without credentials
     * RESTEasy answers it and flushes an empty 401, with a wrong password the login throttle's interceptor does. Both
     * must still be problem+json with the challenge kept (an empty 401 went unnoticed once: the probe above is HTTP).
     */
    @Test
    @Order(3)
    void adminCallsOverHttpsWithoutTheAdminAreA401Problem() {
        String https = server.httpsBaseUrl();
        Http.BasicAuth wrong = Http.basicAuth(TestServers.ADMIN_USER, "not-the-password");
        SoftAssertions softly = new SoftAssertions();
        for (Http.BasicAuth auth : java.util.Arrays.asList(null, wrong)) {
            String who = auth == null ? "no credentials" : "a wrong password";
            for (Http.Response answer : List.of(Http.get(https + "/api/admin/health", auth),
                    Http.post(https + "/api/ids/admin/clock-offset?ms=0", "", auth),
                    Http.post(https + "/api/crawls", "{\"seeds\":[\"https://example.org/\"]}", auth))) {
                softly.assertThat(answer.status()).as("%s: %s", who, answer.body()).isEqualTo(401);
                softly.assertThat(answer.header("Content-Type")).as(who)
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                softly.assertThat(answer.header("WWW-Authenticate")).as(who)
                        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
                softly.assertThat(answer.body()).as(who).contains("\"status\":401").doesNotContain("Exception");
            }
        }
        softly.assertAll();
    }

    @Test
    @Order(4)
    void publicHealthShowsStatusOnlyAndTheDetailsAreTheAdministrators() {
        for (String path : List.of("/health", "/health/ready", "/health/live", "/health/started")) {
            Http.Response health = Http.get(server.baseUrl() + path);
            assertThat(health.status()).as(path).isEqualTo(200);
            assertThat(health.json().getJsonArray("checks").getValuesAs(JsonObject.class))
                    .as("%s: %s", path, health.body())
                    .allSatisfy(check -> assertThat(check.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT))
                            .isEqualTo(JsonValue.EMPTY_JSON_OBJECT));
            assertThat(health.body()).as(path).doesNotContain("127.0.0.1", "embedded", "Derby", "://");
        }
        JsonObject details = Http.getJson(server.httpsBaseUrl() + "/api/admin/health", TestServers.admin());
        assertThat(check(details, "mongodb").getJsonObject("data").getString("backend")).contains("127.0.0.1:");
    }

    /** The feed's signing key pair is generated at first start, under the server's data directory. */
    @Test
    @Order(4)
    void feedLogInSignsWithAKeyPairGeneratedAtFirstStart() {
        String handle = "restart_" + Long.toHexString(System.nanoTime());
        String body = "{\"handle\":\"" + handle + "\",\"password\":\"correct horse battery\"}";
        assertThat(Http.post(server.baseUrl() + "/api/feed/users", body).status()).isEqualTo(201);
        Http.Response session = Http.post(server.baseUrl() + "/api/feed/sessions", body);
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        feedToken = session.json().getString("token");
        assertThat(server.serverOutputDir().resolve("data/feed-jwt/private-key.pem")).isRegularFile();
        assertThat(server.logContains("Generated the feed's token signing key pair (first start)")).isTrue();
    }

    @Test
    @Order(5)
    void aBatchJobRunsFromTheRestApiAndItsHistorySurvivesARestart() {
        jobInstance = BatchJobs.start(server, "idgen-lease-report");
        JsonObject execution = BatchJobs.awaitFinished(server, jobInstance);
        assertThat(execution.getString("batchStatus")).isEqualTo("COMPLETED");
        assertThat(execution.getString("exitStatus")).isEqualTo("LEASES=1");

        server.restart();

        JsonObject instance = BatchJobs.instance(server, jobInstance);
        assertThat(instance.getString("jobName")).isEqualTo("idgen-lease-report");
        assertThat(instance.getString("batchStatus")).isEqualTo("COMPLETED");
    }

    /** The restart above kept the key pair, so a token from before it is still good. */
    @Test
    @Order(6)
    void aFeedTokenFromBeforeTheRestartStillWorks() {
        assertThat(feedToken).as("issued before the restart").isNotNull();
        Http.Response me = Http.send("GET", server.baseUrl() + "/api/feed/me", null, null, "Authorization",
                "Bearer " + feedToken);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().getString("handle")).startsWith("restart_");
        assertThat(server.logContains("Feed tokens are signed with the key pair in")).isTrue();
    }

    @Test
    @Order(6)
    void adminSurfacesNeedTheAdminUser() {
        String https = server.httpsBaseUrl();
        assertThat(Http.get(https + "/metrics").status()).isEqualTo(401);
        Http.Response metrics = Http.get(https + "/metrics", TestServers.admin());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm");
        assertThat(Http.get(https + "/ibm/api/batch/jobinstances").status()).isEqualTo(401);
        // The Admin Center uses form login: it answers with its login page, where the admin user signs in.
        Http.Response adminCenter = Http.get(https + "/adminCenter/");
        assertThat(adminCenter.status()).isEqualTo(302);
        assertThat(adminCenter.header("Location")).hasValueSatisfying(l -> assertThat(l).contains("/adminCenter/login"));
        assertThat(Http.get(https + "/adminCenter/login.jsp").status()).isEqualTo(200);
        assertThat(Http.get(server.baseUrl() + "/openapi/ui/").status()).isEqualTo(200);
    }

    @Test
    @Order(7)
    void theEmbeddedServersStopWithLiberty() {
        assertThat(answers(redisPort)).isTrue();
        server.stop();
        assertThat(answers(redisPort)).as("embedded redis-server stopped with the server").isFalse();
    }

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no readiness check " + name + " in " + health));
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
