package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The REST contract of the ID generator, on the shared server (see {@link SharedServer}). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdGeneratorApiIT {

    private LibertyServer server;
    private String api;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
        api = server.baseUrl() + "/api";
    }

    @Test
    void pingIsTheNoOpBaseline() {
        Http.Response ping = Http.get(api + "/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.body()).contains("pong");
    }

    @Test
    void nextReturnsADecimalStringIdThatDecodesToThisServersWorker() {
        JsonObject info = Http.getJson(api + "/ids/info");
        Http.Response next = Http.get(api + "/ids/next");
        assertThat(next.status()).isEqualTo(200);
        String id = next.json().getString("id");
        assertThat(id).matches("[1-9][0-9]{0,18}");

        JsonObject decoded = Http.getJson(api + "/ids/" + id + "/decode");
        assertThat(decoded.getString("id")).isEqualTo(id);
        assertThat(decoded.getJsonNumber("workerId").longValue()).isEqualTo(info.getInt("workerId"));
        long timestamp = decoded.getJsonNumber("timestamp").longValue();
        assertThat(timestamp).isGreaterThan(info.getJsonNumber("epochMillis").longValue());
        long expected = ((timestamp - info.getJsonNumber("epochMillis").longValue()) << 22)
                | ((long) info.getInt("workerId") << 12) | decoded.getJsonNumber("sequence").longValue();
        assertThat(Long.parseLong(id)).isEqualTo(expected);
    }

    @Test
    void batchReturnsExactlyCountStrictlyIncreasingIds() {
        Http.Response batch = Http.get(api + "/ids/batch?count=10000");
        assertThat(batch.status()).isEqualTo(200);
        List<Long> ids = batch.json().getJsonArray("ids").getValuesAs(JsonString.class).stream()
                .map(s -> Long.parseLong(s.getString())).collect(Collectors.toList());
        assertThat(ids).hasSize(10000);
        for (int i = 1; i < ids.size(); i++) {
            assertThat(ids.get(i)).isGreaterThan(ids.get(i - 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"count=0", "count=10001", "count=-3", "count=abc", "count=1e3", ""})
    void badCountsAreRejectedWithAProblemNamingTheField(String query) {
        Http.Response response = Http.get(api + "/ids/batch?" + query);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = response.json();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("field")).isEqualTo("count");
        assertThat(problem.getString("detail")).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "99999999999999999999", "12.5"})
    void malformedIdsCannotBeDecoded(String id) {
        Http.Response response = Http.get(api + "/ids/" + id + "/decode");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("field")).isEqualTo("id");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void unknownPathsAreProblemJsonToo() {
        Http.Response response = Http.get(api + "/ids/nope/nope/nope");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().getString("title")).isEqualTo("Not Found");
    }

    @Test
    void infoDescribesTheLeasedWorkerLayoutAndEpoch() {
        JsonObject info = Http.getJson(api + "/ids/info");
        assertThat(info.getBoolean("ready")).isTrue();
        assertThat(info.getString("workerIdSource")).isEqualTo("redis lease");
        assertThat(info.getInt("workerId")).isBetween(0, 1023);
        assertThat(info.getString("leaseExpiresAt")).isNotBlank();
        assertThat(info.getString("layout")).isEqualTo("41/10/12");
        assertThat(info.getString("epoch")).isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void readinessChecksEveryBackingService() {
        JsonObject health = Http.getJson(server.baseUrl() + "/health/ready");
        assertThat(health.getString("status")).isEqualTo("UP");
        List<String> checks = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .map(c -> c.getString("name")).toList();
        assertThat(checks).contains("redis", "sql", "messaging", "idgen");
        JsonObject details = Http.getJson(server.httpsBaseUrl() + "/api/admin/health", TestServers.admin());
        String sql = details.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("sql")).findFirst().orElseThrow()
                .getJsonObject("data").getString("database");
        assertThat(sql).as("the details are the administrator's").isEqualTo("MariaDB");
    }

    @Test
    void adminEndpointsNeedTheAdminUser() {
        String url = server.httpsBaseUrl() + "/api/ids/admin/clock-offset?ms=0";
        assertThat(Http.post(url, "").status()).isEqualTo(401);
        assertThat(Http.post(url, "", Http.basicAuth(TestServers.ADMIN_USER, "wrong")).status()).isEqualTo(401);
        // Authenticated, with fault injection on (the shared server's setting; AdminSurfaceIT checks the refusal
        // where it is off): an offset of 0 is the real clock.
        Http.Response accepted = Http.post(url, "", TestServers.admin());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.json().getJsonNumber("clockOffsetMillis").longValue()).isZero();
    }

    @Test
    void openApiDocumentAndUiAreServed() {
        assertThat(Http.get(server.baseUrl() + "/openapi").body()).contains("/api/ids/next");
        assertThat(Http.get(server.baseUrl() + "/openapi/ui/").status()).isEqualTo(200);
    }
}
