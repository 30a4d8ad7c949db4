package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.ItServices;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TcpProxy;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Backing services failing under a running server, for real: the server reaches MariaDB and Redis only through
 * TCP proxies that the test cuts. Database down → cached codes keep redirecting, creates get 503. Redis down →
 * redirects are served from the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ShortenerFailoverIT {

    private TcpProxy database;
    private TcpProxy redis;
    private LibertyServer server;
    private String cachedCode;

    /** A server of its own, reaching SQL and Redis through proxies; closed before the proxies. */
    @BeforeAll
    void start(OwnServers own) {
        ItServices.Endpoint sql = ItServices.get().sql();
        ItServices.Endpoint realRedis = ItServices.get().redis();
        database = own.closeWhenDone(new TcpProxy(sql.host(), sql.port()));
        redis = own.closeWhenDone(new TcpProxy(realRedis.host(), realRedis.port()));
        server = own.start(TestServers.realServices("shortener-failover")
                .env("DB_URL", "jdbc:mariadb://127.0.0.1:" + database.port() + "/test")
                .env("PS_REDIS_URL", "redis://127.0.0.1:" + redis.port())
                // A static worker ID: this test is about the shortener, not about losing the ID lease with Redis.
                .env("PS_IDGEN_WORKER_ID", 1019));
    }

    @Test
    @Order(1)
    void withTheDatabaseDownCachedCodesKeepRedirectingAndCreatesAre503() {
        cachedCode = Links.createCode(server, null, "https://cached.example/");
        assertThat(Links.follow(server, cachedCode, null).status()).isEqualTo(302); // fills the cache

        database.cut();
        try {
            Http.Response redirect = Links.follow(server, cachedCode, null);
            assertThat(redirect.status()).isEqualTo(302);
            assertThat(redirect.header("Location")).hasValue("https://cached.example/");

            Http.Response create = Links.create(server, null, Json.createObjectBuilder().add("url", "https://new.example/"));
            assertThat(create.status()).as(create.body()).isEqualTo(503);
            assertThat(create.header("Retry-After")).isPresent();
            assertThat(create.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));

            assertThat(check("sql").getString("status")).isEqualTo("DOWN");
        } finally {
            database.restore();
        }
        Http.Response recovered = Await.until("creates to work again", () -> Links.create(server, null,
                Json.createObjectBuilder().add("url", "https://after-outage.example/")), r -> r.status() == 201,
                Duration.ofSeconds(60));
        assertThat(recovered.json().getString("code")).isNotBlank();
    }

    @Test
    @Order(2)
    void withRedisDownRedirectsAreServedFromTheDatabase() {
        String uncached = Links.createCode(server, null, "https://from-db.example/");
        redis.cut();
        try {
            Http.Response fromDb = Links.follow(server, uncached, null);
            assertThat(fromDb.status()).isEqualTo(302);
            assertThat(fromDb.header("Location")).hasValue("https://from-db.example/");
            assertThat(Links.follow(server, cachedCode, null).status()).isEqualTo(302);
            for (int i = 0; i < 20; i++) { // enough calls to open the circuit breaker; still served
                assertThat(Links.follow(server, uncached, null).status()).isEqualTo(302);
            }
            String createdWhileDown = Links.createCode(server, null, "https://created-while-redis-down.example/");
            assertThat(Links.follow(server, createdWhileDown, null).status()).isEqualTo(302);
            assertThat(check("redis").getString("status")).isEqualTo("DOWN");
        } finally {
            redis.restore();
        }
        Await.until("redis readiness to recover", () -> check("redis").getString("status"), "UP"::equals,
                Duration.ofSeconds(60));
    }

    private JsonObject check(String name) {
        String body = Http.get(server.baseUrl() + "/health/ready").body();
        JsonObject health = Json.createReader(new java.io.StringReader(body)).readObject();
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
