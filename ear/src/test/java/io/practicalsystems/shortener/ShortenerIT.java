package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.ItServices;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The URL shortener end to end on the shared server ({@link SharedServer}): SQL, Redis, JMS engine and Batch. Every
 * test makes links of its own; the class's API key is random.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortenerIT {

    private static final int CREATE_LIMIT = TestServers.SHARED_CREATE_LIMIT;
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like "
            + "Gecko) Chrome/131.0.0.0 Safari/537.36";

    private LibertyServer server;
    /** An issued key: only issued keys are accepted, and a link belongs to the key that created it. */
    private String key;

    /** The shared server's settings ({@link TestServers#shared(String)}) include what this class needs. */
    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
        key = ApiKeys.issueKey(server, "ShortenerIT");
    }

    @Test
    void createRedirectAndCountClicksButNotReads() {
        Http.Response created = Links.create(server, key, Json.createObjectBuilder().add("url", "https://openliberty.io/docs/"));
        assertThat(created.status()).isEqualTo(201);
        String code = created.json().getString("code");
        assertThat(code).matches("[0-9A-Za-z]{1,11}");
        // The default public base URL: derived from the listener, whatever address the request came in on.
        String shortUrl = "http://localhost:" + server.httpPort() + "/" + code;
        assertThat(created.json().getString("shortUrl")).isEqualTo(shortUrl);
        assertThat(created.header("Location")).hasValue(shortUrl);

        // The code is the Base62 form of a Snowflake ID issued by this server's generator.
        long id = Base62.decode(code);
        int worker = Http.getJson(server.baseUrl() + "/api/ids/info").getInt("workerId");
        assertThat((id >>> 12) & 1023).isEqualTo(worker);

        Http.Response redirect = Links.follow(server, code, "https://www.example.com/page", FIREFOX);
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).hasValue("https://openliberty.io/docs/");
        Links.follow(server, code, null, FIREFOX);
        Links.follow(server, code, null, CHROME);
        Links.follow(server, code, null);                   // the JDK's client: a bot
        Http.get(server.baseUrl() + "/api/urls/" + code); // reading the link is not a click
        Links.stats(server, code);                          // nor is reading its stats

        JsonObject stats = Links.awaitTotal(server, code, 4);
        assertThat(stats.getJsonNumber("total").longValue()).isEqualTo(4);
        assertThat(stats.getJsonArray("topReferrers").getJsonObject(0).getString("host")).isEqualTo("direct");
        assertThat(stats.toString()).contains("example.com");
        assertThat(stats.getJsonArray("topAgents").stream().map(JsonObject.class::cast)
                .map(a -> a.getString("agent") + "=" + a.getJsonNumber("clicks").longValue()))
                .containsExactly("firefox=2", "bot=1", "chrome=1");
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"url\":\"ftp://files.example.org/x\"}|url",
        "{\"url\":\"https://\"}|url",
        "{\"url\":\"not a url\"}|url",
        "{\"url\":\"https://user:pw@bank.example/\"}|url",
        "{\"url\":\"https://a.blocked.test/x\"}|url",
        "{\"url\":\"http://127.0.0.1/loop\"}|url",
        "{\"url\":\"http://0x7f000001/loop\"}|url",
        "{\"url\":\"http://127.1:9080/loop\"}|url",
        "{\"url\":\"http://[::ffff:127.0.0.1]/loop\"}|url",
        "{\"url\":\"http://localhost./loop\"}|url",
        "{}|url",
        "{\"url\":\"https://ok.example/\",\"alias\":\"api\"}|alias",
        "{\"url\":\"https://ok.example/\",\"alias\":\"has space-x\"}|alias",
        "{\"url\":\"https://ok.example/\",\"alias\":\"x-\"}|alias",
        "{\"url\":\"https://ok.example/\",\"redirectType\":307}|redirectType",
        "{\"url\":\"https://ok.example/\",\"expiresAt\":\"2001-01-01T00:00:00Z\"}|expiresAt",
        "{\"url\":\"https://ok.example/\",\"expiresAt\":\"tomorrow\"}|expiresAt",
        "{\"url\":|body"})
    void badInputIsA400NamingTheField(String body, String field) {
        Http.Response response = Http.post(server.baseUrl() + "/api/urls", body);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().getString("field")).isEqualTo(field);
    }

    /** JSON escapes can write a lone UTF-16 surrogate; it has no UTF-8 form (it used to be a 500 from an NPE). */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"https://surrogate.example/a\\ud800b",
        "https://surrogate.example/?q=\\udc00", "https://surrogate.example/#\\ud800"})
    void aLoneSurrogateIsA400OnCreateAndUpdate(String jsonEscapedUrl) {
        byte[] body = ("{\"url\":\"" + jsonEscapedUrl + "\"}").getBytes(StandardCharsets.UTF_8);
        Http.Response created = Links.sendBytes("POST", server.baseUrl() + "/api/urls", body, key);
        assertProblem(created, 400, "url", "unpaired UTF-16 surrogate");

        String code = Links.createCode(server, key, "https://surrogate.example/before");
        Http.Response patched = Links.sendBytes("PATCH", server.baseUrl() + "/api/urls/" + code, body, key);
        assertProblem(patched, 400, "url", "unpaired UTF-16 surrogate");
        assertThat(Links.follow(server, code, null).header("Location")).hasValue("https://surrogate.example/before");
    }

    /** Bytes that are not UTF-8 used to be stored as U+FFFD; now nothing is stored. */
    @Test
    void aBodyThatIsNotUtf8IsA400OnCreateAndUpdate() {
        String owner = ApiKeys.issueKey(server, "utf8");
        byte[] latin1 = "{\"url\":\"https://caf\u00e9.example/men\u00fc\"}".getBytes(StandardCharsets.ISO_8859_1);
        Http.Response created = Links.sendBytes("POST", server.baseUrl() + "/api/urls", latin1, owner);
        assertProblem(created, 400, "body", "not valid UTF-8");
        assertThat(Http.send("GET", server.baseUrl() + "/api/urls", null, null, "X-Api-Key", owner).body())
                .as("nothing was stored").isEqualTo("[]");

        String code = Links.createCode(server, owner, "https://utf8.example/before");
        Http.Response patched = Links.sendBytes("PATCH", server.baseUrl() + "/api/urls/" + code, latin1, owner);
        assertProblem(patched, 400, "body", "not valid UTF-8");
        assertThat(Links.follow(server, code, null).header("Location")).hasValue("https://utf8.example/before");
    }

    /** The server runs on this machine: each of its non-loopback interface addresses is the server itself. */
    @Test
    void aLinkToOneOfTheServersOwnInterfaceAddressesIsRefused() throws Exception {
        java.util.List<String> own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())
                .stream().flatMap(i -> java.util.Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress())
                .map(java.net.InetAddress::getHostAddress).toList();
        org.junit.jupiter.api.Assumptions.assumeFalse(own.isEmpty(), "this machine has no non-loopback IPv4 address");
        for (String address : own) {
            Http.Response response = Links.create(server, key, Json.createObjectBuilder()
                    .add("url", "http://" + address + ":" + server.httpPort() + "/x"));
            assertProblem(response, 400, "url", "this shortener itself");
        }
    }

    @Test
    void aSpoofedHostHeaderNeverAppearsInTheShortUrl() throws Exception {
        String body = "{\"url\":\"https://host-header.example/\"}";
        String response;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.httpPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("POST /api/urls HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n"
                    + "Connection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
            response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).startsWith("HTTP/1.1 201").doesNotContainIgnoringCase("evil.example")
                .contains("\"shortUrl\":\"http://localhost:" + server.httpPort() + "/");
    }

    private static void assertProblem(Http.Response response, int status, String field, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        assertThat(response.json().getString("field")).isEqualTo(field);
        assertThat(response.json().getString("detail")).contains(detail);
    }

    @Test
    void aTooLongUrlIsRejected() {
        String url = "https://long.example/" + "a".repeat(2100);
        Http.Response response = Links.create(server, key, Json.createObjectBuilder().add("url", url));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().getString("field")).isEqualTo("url");
    }

    @Test
    void unknownCodesAre404ProblemJson() {
        Http.Response response = Links.follow(server, "zzzzNope" + 7, null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().getString("type")).endsWith("/link-not-found");
    }

    @Test
    void anExpiredLinkAnswers410() {
        String expiresAt = Instant.now().plusSeconds(3).toString();
        Http.Response created = Links.create(server, key, Json.createObjectBuilder()
                .add("url", "https://soon-gone.example/").add("expiresAt", expiresAt));
        String code = created.json().getString("code");
        assertThat(Links.follow(server, code, null).status()).isEqualTo(302);
        Http.Response gone = Await.until("link " + code + " to expire", () -> Links.follow(server, code, null),
                r -> r.status() != 302, Duration.ofSeconds(30));
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.json().getString("type")).endsWith("/link-expired");
    }

    @Test
    void updatingTheDestinationKeepsTheStats() {
        String code = Links.createCode(server, key, "https://before.example/");
        Links.follow(server, code, null);
        Links.follow(server, code, null);
        Links.awaitTotal(server, code, 2);

        Http.Response patched = Links.patch(server, code, key, Json.createObjectBuilder()
                .add("url", "https://after.example/").add("redirectType", 301));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        Http.Response redirect = Links.follow(server, code, null);
        assertThat(redirect.status()).as("the cache was invalidated").isEqualTo(301);
        assertThat(redirect.header("Location")).hasValue("https://after.example/");
        assertThat(Links.awaitTotal(server, code, 3).getJsonNumber("total").longValue()).isEqualTo(3);

        String someoneElse = ApiKeys.issueKey(server, "ShortenerIT someone else");
        assertThat(Links.patch(server, code, someoneElse, Json.createObjectBuilder().add("url", "https://evil.example/"))
                .status()).isEqualTo(403);
        assertThat(Links.patch(server, code, "it-made-up-" + UUID.randomUUID(),
                Json.createObjectBuilder().add("url", "https://evil.example/")).status()).as("a key never issued")
                .isEqualTo(401);
    }

    @Test
    void deletedCodesAreGoneAndNeverReissued() {
        Http.Response created = Links.create(server, key, Json.createObjectBuilder()
                .add("url", "https://deleted.example/").add("alias", "gone-" + UUID.randomUUID().toString().substring(0, 8)));
        String alias = created.json().getString("code");
        assertThat(Links.follow(server, alias, null).status()).isEqualTo(302);
        assertThat(Http.delete(server.baseUrl() + "/api/urls/" + alias).status()).as("anonymous delete").isEqualTo(403);

        Http.Response deleted = Http.send("DELETE", server.baseUrl() + "/api/urls/" + alias, null, null, "X-Api-Key", key);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(Links.follow(server, alias, null).status()).isEqualTo(404);
        assertThat(Http.get(server.baseUrl() + "/api/urls/" + alias).status()).isEqualTo(404);
        Http.Response again = Links.create(server, key, Json.createObjectBuilder()
                .add("url", "https://other.example/").add("alias", alias));
        assertThat(again.status()).isEqualTo(409);
    }

    /** Creates arriving together share a transaction (group commit): a taken alias must fail only its own create. */
    @Test
    void concurrentCreatesWithOneDuplicateAliasGiveOne409AndStoreAllTheOthers() throws Exception {
        String client = ApiKeys.issueKey(server, "together");
        String prefix = "tg-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            aliases.add(prefix + i);
        }
        aliases.add(prefix + 7); // the duplicate
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(aliases.size());
        List<CompletableFuture<Http.Response>> creates;
        try {
            creates = aliases.stream().map(alias -> CompletableFuture.supplyAsync(() -> {
                await(start);
                return Links.create(server, client, Json.createObjectBuilder()
                        .add("url", "https://together.example/" + alias).add("alias", alias));
            }, threads)).toList();
            start.countDown();
            creates.forEach(CompletableFuture::join);
        } finally {
            threads.shutdown();
        }
        List<Integer> statuses = creates.stream().map(create -> create.join().status()).toList();

        assertThat(statuses).filteredOn(status -> status == 409).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(23);
        Http.Response conflict = creates.get(statuses.indexOf(409)).join();
        assertThat(conflict.json().getString("type")).endsWith("/alias-taken");
        assertThat(aliases.get(statuses.indexOf(409))).isEqualTo(prefix + 7);
        try (Connection sql = ItServices.get().sqlConnection(); PreparedStatement rows = sql.prepareStatement(
                "SELECT CODE FROM SHORTENER_LINK WHERE CODE LIKE ?")) {
            rows.setString(1, prefix + "%");
            Set<String> stored = new HashSet<>();
            try (ResultSet row = rows.executeQuery()) {
                while (row.next()) {
                    stored.add(row.getString(1));
                }
            }
            assertThat(stored).containsExactlyInAnyOrderElementsOf(new HashSet<>(aliases));
        }
        for (String alias : aliases) {
            assertThat(Links.follow(server, alias, null).status()).as(alias).isEqualTo(302);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void idempotentCreateReturnsTheExistingCodeForTheSameOwner() {
        String url = "https://idempotent.example/" + UUID.randomUUID();
        Http.Response first = Links.create(server, key, Json.createObjectBuilder().add("url", url).add("idempotent", true));
        Http.Response second = Links.create(server, key, Json.createObjectBuilder().add("url", url).add("idempotent", true));
        Http.Response otherOwner = Links.create(server, ApiKeys.issueKey(server, "another"), Json.createObjectBuilder().add("url", url).add("idempotent", true));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getString("code")).isEqualTo(first.json().getString("code"));
        assertThat(otherOwner.json().getString("code")).isNotEqualTo(first.json().getString("code"));
    }

    @Test
    void ownersListTheirOwnLinksPaged() {
        String owner = ApiKeys.issueKey(server, "lister");
        String a = Links.createCode(server, owner, "https://a.example/");
        String b = Links.createCode(server, owner, "https://b.example/");
        String c = Links.createCode(server, owner, "https://c.example/");
        Http.Response page0 = Http.send("GET", server.baseUrl() + "/api/urls?size=2", null, null, "X-Api-Key", owner);
        Http.Response page1 = Http.send("GET", server.baseUrl() + "/api/urls?size=2&page=1", null, null, "X-Api-Key", owner);
        assertThat(page0.body()).contains(c).contains(b).doesNotContain(a);
        assertThat(page1.body()).contains(a);
        assertThat(Http.get(server.baseUrl() + "/api/urls").status()).as("no key, no list").isEqualTo(403);
        assertThat(Http.send("GET", server.baseUrl() + "/api/urls?size=0", null, null, "X-Api-Key", owner).status())
                .isEqualTo(400);
    }

    @Test
    void theCreateRateLimitAnswers429AtTheConfiguredCountAndRecovers() {
        String client = ApiKeys.issueKey(server, "burst");
        int allowed = 0;
        Http.Response response;
        while ((response = Links.create(server, client, Json.createObjectBuilder()
                .add("url", "https://burst.example/" + allowed))).status() == 201 && allowed <= 2 * CREATE_LIMIT) {
            allowed++;
            assertThat(Long.parseLong(response.header("RateLimit-Remaining").orElseThrow()))
                    .isLessThanOrEqualTo(CREATE_LIMIT - allowed + 1L);
        }
        // One token refills every 10 s: a slow machine may earn one during the burst, never more.
        assertThat(allowed).isBetween(CREATE_LIMIT, CREATE_LIMIT + 1);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("RateLimit-Limit")).hasValue(Integer.toString(CREATE_LIMIT));
        long retryAfter = Long.parseLong(response.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 10L);
        assertThat(response.json().getString("type")).endsWith("/rate-limited");
        assertThat(Links.follow(server, "zzNope1", null).status()).as("redirects have their own limit").isEqualTo(404);

        Links.sleep(retryAfter * 1000 + 200);
        assertThat(Links.create(server, client, Json.createObjectBuilder().add("url", "https://burst.example/later"))
                .status()).isEqualTo(201);
    }
}
