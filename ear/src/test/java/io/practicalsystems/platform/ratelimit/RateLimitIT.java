package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.FreePorts;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyCluster;
import io.practicalsystems.platform.testkit.LibertyInstallation;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServerBuilder;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code @RateLimited} end to end, on test-only endpoints added to a copy of the EAR ({@link ProbeEar}):
 * two servers sharing this machine's Redis enforce one limit together, with 429 problem+json, Retry-After and the
 * RateLimit headers; X-Forwarded-For counts only where trusted; a server whose Redis is unreachable fails open and
 * says so once. API keys are verified: only issued keys count as clients of their own, made-up ones are refused
 * (401) and cannot buy fresh buckets; anonymous clients count by address. The real KV, ID and link-read endpoints
 * answer 429 past their (here tiny) limits.
 *
 * <p>Every test uses an issued API key or a forwarded address of its own, so buckets left over from an earlier run
 * (they expire within minutes) never matter; the buckets of this run are deleted afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
class RateLimitIT {

    private static final String PROBE = "/api/it-ratelimit";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private LibertyCluster cluster;
    private LibertyServer serverA;
    private LibertyServer serverB;
    private LibertyServer noRedis;
    private final List<String> apiKeyIds = new ArrayList<>();
    private final List<String> forwardedIps = new ArrayList<>();

    /** Servers of their own: a copy of the EAR with probe endpoints, and one whose Redis is unreachable. */
    @BeforeAll
    void start(OwnServers own) {
        LibertyInstallation base = LibertyInstallation.fromSystemProperties();
        LibertyInstallation probe = new LibertyInstallation(base.installDir(), base.configDir(),
                ProbeEar.withClasses(base.ear(), base.workDir().resolve("ratelimit-probe-ear"),
                        RateLimitProbeResource.class, RateLimitProbeClassResource.class),
                base.workDir());
        int deadRedisPort = FreePorts.next();
        cluster = own.closeWhenDone(LibertyCluster.of(3, i -> switch (i) {
            case 0 -> limits(sharedRedis("ratelimit-a", probe));
            // B trusts X-Forwarded-For (tests pick fresh addresses there) and caches no key checks
            case 1 -> limits(sharedRedis("ratelimit-b", probe)).env("PS_RATELIMIT_TRUST_FORWARDED_FOR", "true")
                    .env("PS_APIKEYS_CACHE_SECONDS", 0);
            // configured, so nothing embedded starts in its place; nothing listens there
            default -> limits(sharedRedis("ratelimit-noredis", probe)
                    .env("PS_REDIS_URL", "redis://127.0.0.1:" + deadRedisPort));
        }));
        cluster.startAll();
        serverA = cluster.get(0);
        serverB = cluster.get(1);
        noRedis = cluster.get(2);
        serverA.awaitReady();
        serverB.awaitReady();
    }

    /** The "real services" preset (this machine's MariaDB and Redis) from our copy of the EAR. */
    private static LibertyServerBuilder sharedRedis(String name, LibertyInstallation installation) {
        return TestServers.realServices(name).installation(installation);
    }

    /** Slow refill (one token per 100 s): nothing comes back while a test runs. */
    private static LibertyServerBuilder limits(LibertyServerBuilder builder) {
        return builder
                .env("PS_RATELIMIT_IT_PROBE_CAPACITY", 3)
                .env("PS_RATELIMIT_IT_PROBE_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_IT_OTHER_CAPACITY", 5)
                .env("PS_RATELIMIT_IT_OTHER_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_IT_CLASS_CAPACITY", 2)
                .env("PS_RATELIMIT_IT_CLASS_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_KV_CAPACITY", 2)
                .env("PS_RATELIMIT_KV_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_IDS_CAPACITY", 2)
                .env("PS_RATELIMIT_IDS_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_LINK_READ_CAPACITY", 2)
                .env("PS_RATELIMIT_LINK_READ_REFILL_PER_SECOND", "0.01")
                .env("PS_RATELIMIT_REDIRECT_CAPACITY", 2)
                .env("PS_RATELIMIT_REDIRECT_REFILL_PER_SECOND", "0.01");
    }

    @AfterAll
    void deleteThisRunsBuckets() {
        try (UnifiedJedis redis = RedisClient.create(TestServers.redisUrl())) {
            // exactly this run's buckets: another run on the same Redis may be using its own right now
            List<String> clients = new ArrayList<>();
            apiKeyIds.forEach(id -> clients.add("key:" + id));
            forwardedIps.forEach(ip -> clients.add("ip:" + ip));
            clients.add("ip:127.0.0.1");
            for (String policy : List.of("it-probe", "it-other", "it-class", "kv", "ids", "link-read",
                    "api-key-lookup")) {
                clients.forEach(client -> redis.del("rl:" + policy + ":" + client));
            }
        }
    }

    @Test
    void capacityRequestsPassWithHeadersThenA429ProblemWithRetryAfter() {
        String key = newApiKey();
        for (int i = 1; i <= 3; i++) {
            Http.Response ok = get(serverA, PROBE + "/limited", key, null);
            assertThat(ok.status()).as("request %d", i).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).hasValue("3");
            assertThat(ok.header("RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
            assertThat(ok.header("RateLimit-Policy")).hasValue("3;w=300");
            assertThat(Long.parseLong(ok.header("RateLimit-Reset").orElseThrow())).isBetween(99L, 300L);
            assertThat(ok.header("Retry-After")).isEmpty();
        }
        Http.Response denied = get(serverA, PROBE + "/limited", key, null);
        assertThat(denied.status()).isEqualTo(429);
        assertThat(denied.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        long retryAfter = Long.parseLong(denied.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(90L, 100L);
        assertThat(denied.header("RateLimit-Remaining")).hasValue("0");
        assertThat(denied.header("RateLimit-Limit")).hasValue("3");
        JsonObject problem = denied.json();
        assertThat(problem.getString("type")).endsWith("/problems/rate-limited");
        assertThat(problem.getString("title")).isEqualTo("Too Many Requests");
        assertThat(problem.getInt("status")).isEqualTo(429);
        assertThat(problem.getString("policy")).isEqualTo("it-probe");
        assertThat(problem.getJsonNumber("retryAfterSeconds").longValue()).isEqualTo(retryAfter);
        assertThat(problem.getString("detail")).contains("it-probe");
    }

    @Test
    void twoServersShareOneBucket() {
        String key = newApiKey();
        assertThat(get(serverA, PROBE + "/limited", key, null).status()).isEqualTo(200);
        assertThat(get(serverB, PROBE + "/limited", key, null).status()).isEqualTo(200);
        Http.Response third = get(serverA, PROBE + "/limited", key, null);
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.header("RateLimit-Remaining")).hasValue("0");
        assertThat(get(serverB, PROBE + "/limited", key, null).status()).isEqualTo(429);
        assertThat(get(serverA, PROBE + "/limited", key, null).status()).isEqualTo(429);
    }

    @Test
    void policiesClientsAndUnannotatedEndpointsAreSeparate() {
        String key = newApiKey();
        for (int i = 0; i < 4; i++) {
            get(serverA, PROBE + "/limited", key, null);
        }
        assertThat(get(serverA, PROBE + "/limited", key, null).status()).isEqualTo(429);

        Http.Response other = get(serverA, PROBE + "/other", key, null);
        assertThat(other.status()).as("another policy, same client").isEqualTo(200);
        assertThat(other.header("RateLimit-Remaining")).hasValue("4");
        assertThat(get(serverA, PROBE + "/limited", newApiKey(), null).status()).as("another client")
                .isEqualTo(200);

        Http.Response free = get(serverA, PROBE + "/free", key, null);
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.header("RateLimit-Limit")).as("not annotated: not limited").isEmpty();
        Http.Response ping = get(serverA, "/api/ping", key, null);
        assertThat(ping.header("RateLimit-Limit")).isEmpty();
    }

    @Test
    void anAnnotatedResourceClassLimitsItsMethods() {
        String key = newApiKey();
        Http.Response first = get(serverA, "/api/it-ratelimit-class", key, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("RateLimit-Limit")).hasValue("2");
        assertThat(get(serverB, "/api/it-ratelimit-class", key, null).status()).isEqualTo(200);
        assertThat(get(serverA, "/api/it-ratelimit-class", key, null).status()).isEqualTo(429);
    }

    @Test
    void xForwardedForCountsOnlyOnTheServerThatTrustsItAndOnlyItsLastEntry() {
        String ip = newForwardedIp();
        // Server A does not trust the header: this request counts against the TCP peer (127.0.0.1), not `ip`.
        assertThat(get(serverA, PROBE + "/other", null, ip).status()).isEqualTo(200);
        // Server B trusts it: `ip`'s bucket is still full, whatever the spoofed entries left of it say.
        Http.Response first = get(serverB, PROBE + "/other", null, "10.9.8.7, " + ip);
        assertThat(first.header("RateLimit-Remaining")).hasValue("4");
        Http.Response second = get(serverB, PROBE + "/other", null, "192.0.2.55, " + ip);
        assertThat(second.header("RateLimit-Remaining")).hasValue("3");
    }

    @Test
    void withRedisUnreachableRequestsPassWithoutHeadersAndTheOutageIsLoggedOnce() throws IOException {
        String key = newApiKey();
        for (int i = 0; i < 6; i++) {
            Http.Response response = get(noRedis, PROBE + "/limited", key, null);
            assertThat(response.status()).as("request %d, capacity 3", i + 1).isEqualTo(200);
            assertThat(response.header("RateLimit-Limit")).isEmpty();
            assertThat(response.header("RateLimit-Remaining")).isEmpty();
        }
        long warnings = Files.readAllLines(noRedis.messagesLog(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("failing OPEN")).count();
        assertThat(warnings).isEqualTo(1);
    }

    @Test
    void aMadeUpKeyIsRefusedWith401AndNeverReachesTheEndpoint() {
        for (String key : List.of(madeUpKey(), "it-" + UUID.randomUUID(), "x".repeat(5000))) {
            Http.Response refused = get(serverA, PROBE + "/free", key, null);
            assertProblem(refused, 401, "invalid-api-key");
            assertThat(refused.header("WWW-Authenticate")).isPresent();
            assertThat(refused.json().getString("detail")).doesNotContain(key.substring(0, 8));
        }
    }

    @Test
    void anIssuedKeyWorksUntilRevokedThenIsRefusedOnEveryServer() {
        ApiKeys.Issued issued = issueKey();
        Http.Response ok = get(serverA, PROBE + "/other", issued.key(), null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("RateLimit-Remaining")).as("a bucket of its own").hasValue("4");
        assertThat(get(serverB, PROBE + "/other", issued.key(), null).status()).isEqualTo(200);

        assertThat(ApiKeys.revoke(serverA, issued.id()).status()).isEqualTo(204);
        // A forgets its cached check at once; B caches nothing (PS_APIKEYS_CACHE_SECONDS=0). Other servers: within
        // ps.apikeys.cache.seconds.
        Http.Response revoked = get(serverA, PROBE + "/free", issued.key(), null);
        assertProblem(revoked, 401, "invalid-api-key");
        assertThat(revoked.json().getString("detail")).contains("revoked");
        assertProblem(get(serverB, PROBE + "/free", issued.key(), null), 401, "invalid-api-key");
        assertThat(ApiKeys.revoke(serverA, issued.id()).status()).as("again").isEqualTo(204);
    }

    @Test
    void theKeyListShowsIdsAndNamesButNeverTheKeys() {
        ApiKeys.Issued issued = issueKey();
        Http.Response list = Http.get(serverA.httpsBaseUrl() + "/api/keys?size=100", TestServers.admin());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains(issued.id()).doesNotContain(issued.key())
                .doesNotContain(issued.key().substring(4));
        assertThat(Http.get(serverA.httpsBaseUrl() + "/api/keys").status()).as("anonymous").isEqualTo(401);
        assertThat(ApiKeys.revoke(serverA, "0000000000000000").status()).isEqualTo(404);
    }

    @Test
    void anonymousClientsAreLimitedByAddress() {
        String ip = newForwardedIp();
        for (int i = 1; i <= 5; i++) {
            assertThat(get(serverB, PROBE + "/other", null, ip).status()).as("request %d", i).isEqualTo(200);
        }
        assertProblem(get(serverB, PROBE + "/other", null, ip), 429, "rate-limited");
        assertThat(get(serverB, PROBE + "/other", null, newForwardedIp()).status()).as("another address")
                .isEqualTo(200);
    }

    @Test
    void aClientInventingKeysDoesNotEscapeTheLimit() {
        String ip = newForwardedIp();
        for (int i = 0; i < 5; i++) {
            get(serverB, PROBE + "/other", null, ip);
        }
        assertProblem(get(serverB, PROBE + "/other", null, ip), 429, "rate-limited");
        // Before keys were verified each new key was a fresh bucket: 200. Now: 401, and after the address's
        // budget of key lookups (ps.ratelimit.api-key-lookup, 30 at once) 429 without even a database query.
        int lookups = 0;
        Http.Response last;
        long started = System.nanoTime();
        do {
            last = get(serverB, PROBE + "/other", madeUpKey(), ip);
            assertThat(last.status()).as(last.body()).isIn(401, 429);
            lookups++;
        } while (last.status() == 401 && lookups < 300);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertProblem(last, 429, "rate-limited");
        assertThat(last.json().getString("policy")).isEqualTo("api-key-lookup");
        // 30 at once, plus the tokens refilled (1/s) while the loop ran
        assertThat(lookups).isBetween(31, 31 + (int) Math.ceil(seconds) + 1);
        assertThat(last.header("Retry-After")).isPresent();
    }

    @Test
    void idKvAndLinkReadEndpointsAnswer429PastTheirLimits() {
        assertLimited("ids", "/api/ids/next");
        assertLimited("ids", "/api/ids/batch?count=3");
        assertLimited("kv", "/api/kv/it-ratelimit-" + UUID.randomUUID());
        assertLimited("link-read", "/api/urls/itNoSuchCode");
        assertLimited("link-read", "/api/urls/itNoSuchCode/stats");
    }

    @Test
    void aCachedRedirectTakesATokenAndAnswers429PastTheLimit() {
        Http.Response created = Http.send("POST", serverB.baseUrl() + "/api/urls",
                "{\"url\":\"https://limited.example/\"}", null, "X-Api-Key", newApiKey());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String code = created.json().getString("code");
        // another client's redirect puts the code in serverB's caches: the next ones are the servlet fast path's
        assertThat(get(serverB, "/" + code, null, newForwardedIp()).status()).isEqualTo(302);
        assertLimited("redirect", "/" + code);
    }

    /** Capacity 2 from a fresh address: two answers (whatever their status), then 429 problem+json. */
    private void assertLimited(String policy, String path) {
        String ip = newForwardedIp();
        for (int i = 1; i <= 2; i++) {
            Http.Response allowed = get(serverB, path, null, ip);
            assertThat(allowed.status()).as("%s request %d: %s", path, i, allowed.body()).isNotEqualTo(429);
            assertThat(allowed.header("RateLimit-Limit")).as(path).hasValue("2");
        }
        Http.Response denied = get(serverB, path, null, ip);
        assertProblem(denied, 429, "rate-limited");
        assertThat(denied.json().getString("policy")).isEqualTo(policy);
        assertThat(Long.parseLong(denied.header("Retry-After").orElseThrow())).isPositive();
    }

    private String newApiKey() {
        return issueKey().key();
    }

    private ApiKeys.Issued issueKey() {
        ApiKeys.Issued issued = ApiKeys.issue(serverA, "RateLimitIT");
        apiKeyIds.add(issued.id());
        return issued;
    }

    /** Shaped like an issued key (so it costs a lookup), but never issued. */
    private static String madeUpKey() {
        byte[] secret = new byte[32];
        ThreadLocalRandom.current().nextBytes(secret);
        return "psk_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static void assertProblem(Http.Response response, int status, String typeSuffix) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().getString("type")).endsWith("/problems/" + typeSuffix);
    }

    /** An address from 198.18.0.0/15 (benchmarking range): never a real client. */
    private String newForwardedIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String ip = "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
        forwardedIps.add(ip);
        return ip;
    }

    private static Http.Response get(LibertyServer server, String path, String apiKey, String forwardedFor) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Http.REQUEST_TIMEOUT).GET();
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Http.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("GET " + path + " on " + server.name() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
