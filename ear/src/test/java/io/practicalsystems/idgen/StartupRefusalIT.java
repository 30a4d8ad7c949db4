package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
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
 * Start-up checks that must stop a server from issuing IDs — while the rest of the EAR keeps serving: every
 * worker ID of its range already leased, and a local clock too far from Redis TIME.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupRefusalIT {

    private static final int ONLY_WORKER = 1021;

    private LibertyServer server;
    private UnifiedJedis redis;

    /** A server of its own, which must start without becoming ready; the lease it cannot take is freed at the end. */
    @BeforeAll
    void start(OwnServers own) {
        redis = own.closeWhenDone(RedisClient.create(TestServers.redisUrl()));
        own.closeWhenDone(() -> redis.del("idgen:lease:" + ONLY_WORKER));
        redis.set("idgen:lease:" + ONLY_WORKER, "someone-else");
        server = own.build(TestServers.realServices("idgen-refusal")
                .env("PS_IDGEN_WORKER_ID_MIN", ONLY_WORKER)
                .env("PS_IDGEN_WORKER_ID_MAX", ONLY_WORKER));
        server.start();
    }

    @Test
    @Order(1)
    void allWorkerIdsLeasedMeansNoIdsAClearMessageAndNotReady() {
        Http.Response refused = Http.get(server.baseUrl() + "/api/ids/next");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(refused.json().getString("detail")).contains("leased").contains("1021..1021");

        Http.Response ready = Http.get(server.baseUrl() + "/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(idgenCheck(ready.json()).getString("status")).isEqualTo("DOWN");
        assertThat(Http.get(server.baseUrl() + "/api/ping").status()).as("the rest of the EAR serves").isEqualTo(200);
        assertThat(server.logContains("idgen: not issuing IDs")).isTrue();
    }

    @Test
    @Order(2)
    void aClockFarFromRedisTimeIsRefused() {
        redis.del("idgen:lease:" + ONLY_WORKER);
        server.stop();
        server.setEnv("PS_IDGEN_FAULT_INJECTION_ENABLED", "true");
        server.setEnv("PS_IDGEN_CLOCK_OFFSET_MS", "30000");
        server.start();

        Http.Response refused = Http.get(server.baseUrl() + "/api/ids/next");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().getString("detail")).contains("ahead of Redis TIME");
        assertThat(redis.exists("idgen:lease:" + ONLY_WORKER)).as("no lease taken while refusing").isFalse();
    }

    private static JsonObject idgenCheck(JsonObject health) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("idgen")).findFirst().orElseThrow();
    }
}
