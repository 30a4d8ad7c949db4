package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.ItServices;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clock policy on a real server, driven through the admin fault-injection endpoint: small backward steps
 * are waited out, large ones refused with 503 + Retry-After without resetting the sequence, and the persisted
 * high-water mark keeps a restarted server on a clock that is behind from reissuing IDs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockStepIT {

    private static final int WORKER = 1017;

    private LibertyServer server;
    private long highestSeen;

    /** A server of its own: the tests step its clock and restart it. */
    @BeforeAll
    void start(OwnServers own) {
        server = own.start(TestServers.realServices("idgen-clock")
                .env("PS_IDGEN_WORKER_ID", WORKER)
                .env("PS_IDGEN_FAULT_INJECTION_ENABLED", "true"));
    }

    @Test
    @Order(1)
    void aStaticWorkerIdComesFromConfig() {
        JsonObject info = Http.getJson(server.baseUrl() + "/api/ids/info");
        assertThat(info.getInt("workerId")).isEqualTo(WORKER);
        assertThat(info.getString("workerIdSource")).isEqualTo("static (config)");
    }

    @Test
    @Order(2)
    void aBackwardStepWithinToleranceIsWaitedOut() {
        long before = nextId();
        setClockOffset(-3);
        long after = nextId();
        assertThat(after).isGreaterThan(before);
    }

    @Test
    @Order(3)
    void aLargeBackwardStepIsRefusedWithRetryAfterAndNoSequenceReset() {
        setClockOffset(0);
        long before = nextId();
        setClockOffset(-60_000);

        Http.Response refused = Http.get(server.baseUrl() + "/api/ids/next");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(55L, 62L));
        JsonObject problem = refused.json();
        assertThat(problem.getString("type")).endsWith("/idgen-unavailable");
        assertThat(problem.getString("detail")).contains("back");

        setClockOffset(0);
        long recovered = nextId();
        assertThat(recovered).isGreaterThan(before).isGreaterThan(highestSeen - 1);
    }

    @Test
    @Order(4)
    void theHighWaterMarkIsPersistedInTheSqlDatabase() throws SQLException {
        long last = nextId();
        JsonObject decoded = Http.getJson(server.baseUrl() + "/api/ids/" + last + "/decode");
        assertThat(ceilingInDatabase()).isGreaterThanOrEqualTo(decoded.getJsonNumber("timestamp").longValue());
    }

    @Test
    @Order(5)
    void aRestartOnAClockThatIsBehindNeverReissuesIds() {
        long last = nextId();
        server.stop();
        server.setEnv("PS_IDGEN_CLOCK_OFFSET_MS", "-120000");
        server.start();

        Http.Response refused = Http.get(server.baseUrl() + "/api/ids/next");
        assertThat(refused.status()).as("the clock is 2 minutes behind the persisted high-water mark").isEqualTo(503);
        assertThat(Http.get(server.baseUrl() + "/api/ids/batch?count=5").status()).isEqualTo(503);

        setClockOffset(0);
        assertThat(nextId()).isGreaterThan(last);
    }

    private long nextId() {
        Http.Response response = Http.get(server.baseUrl() + "/api/ids/next");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long id = Long.parseLong(response.json().getString("id"));
        highestSeen = Math.max(highestSeen, id);
        return id;
    }

    private void setClockOffset(long millis) {
        Http.Response response = Http.post(server.httpsBaseUrl() + "/api/ids/admin/clock-offset?ms=" + millis, "",
                TestServers.admin());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().getJsonNumber("clockOffsetMillis").longValue()).isEqualTo(millis);
    }

    private long ceilingInDatabase() throws SQLException {
        try (Connection connection = ItServices.get().sqlConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT CEILING_MILLIS FROM IDGEN_HIGH_WATER_MARK WHERE WORKER_ID = ?")) {
            query.setInt(1, WORKER);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a high-water mark row for worker " + WORKER).isTrue();
                return row.getLong(1);
            }
        }
    }
}
