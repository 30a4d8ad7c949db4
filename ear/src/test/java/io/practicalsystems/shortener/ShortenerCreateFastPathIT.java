package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The create fast path (the servlet filter answering {@code POST /api/urls} before JAX-RS, {@code CreateFastPath})
 * on the shared server: each answer is byte for byte what JAX-RS answers to the same body, and what the fast path is
 * not sure of is left to JAX-RS. The same bytes sent with a declared length (the fast path's) and streamed without
 * one (left to JAX-RS) are the two ways in; which one answered is read from the fast path's counter in /metrics
 * ({@code shortener.creates.fast}). Most requests carry an issued key: the shared server's anonymous create bucket
 * (127.0.0.1) is small and shared by every class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortenerCreateFastPathIT {

    private static final List<String> SAME_HEADERS = List.of("Content-Type", "RateLimit-Limit", "RateLimit-Policy");

    private LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    @Test
    void aCreateAndItsIdempotentRepeatAreAnsweredBeforeJaxRsLikeJaxRsAnswersThem() {
        String key = warmKey("create");
        String url = "https://create-fast.example/" + UUID.randomUUID();
        long before = fastCreates();
        Http.Response fast = post(key, "{\"url\":\"" + url + "\",\"redirectType\":301}", false);
        assertThat(fastCreates()).as("answered by the fast path").isEqualTo(before + 1);
        Http.Response jaxRs = post(key, "{\"url\":\"" + url + "-j\",\"redirectType\":301}", true);
        assertThat(fastCreates()).as("a body without a declared length goes to JAX-RS").isEqualTo(before + 1);

        assertThat(fast.status()).as(fast.body()).isEqualTo(201);
        assertThat(jaxRs.status()).as(jaxRs.body()).isEqualTo(201);
        assertThat(withoutLinkValues(fast, url)).isEqualTo(withoutLinkValues(jaxRs, url + "-j"));
        assertThat(fast.header("Location")).hasValue(fast.json().getString("shortUrl"));
        assertThat(jaxRs.header("Location")).hasValue(jaxRs.json().getString("shortUrl"));
        assertSameHeaders(fast, jaxRs);
        assertThat(Links.follow(server, fast.json().getString("code"), null).header("Location")).hasValue(url);

        String repeat = "{\"url\":\"" + url + "\",\"idempotent\":true}";
        Http.Response fastRepeat = post(key, repeat, false);
        Http.Response jaxRsRepeat = post(key, repeat, true);
        assertThat(fastCreates()).isEqualTo(before + 2);
        assertThat(fastRepeat.status()).isEqualTo(200);
        assertThat(fastRepeat.body()).isEqualTo(jaxRsRepeat.body()).contains(fast.json().getString("code"));
        assertThat(jaxRsRepeat.status()).isEqualTo(200);
        assertThat(fastRepeat.header("Location")).isEmpty();
        assertSameHeaders(fastRepeat, jaxRsRepeat);
    }

    @Test
    void anAnonymousCreateIsAnsweredBeforeJaxRsAndOwnedByNobody() {
        long before = fastCreates();
        String url = "https://anonymous-fast.example/" + UUID.randomUUID();
        Http.Response fast = post(null, "{\"url\":\"" + url + "\"}", false);
        Http.Response jaxRs = post(null, "{\"url\":\"" + url + "-j\"}", true);
        assertThat(fastCreates()).isEqualTo(before + 1);
        assertThat(fast.status()).isEqualTo(201);
        assertThat(withoutLinkValues(fast, url)).isEqualTo(withoutLinkValues(jaxRs, url + "-j"));
        assertSameHeaders(fast, jaxRs);
        String code = fast.json().getString("code");
        assertThat(Http.send("DELETE", server.baseUrl() + "/api/urls/" + code, null, null, "X-Api-Key",
                warmKey("stranger")).status()).as("nobody owns an anonymous link").isEqualTo(403);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"url\":\"ftp://files.example.org/x\"}", "{\"url\":\"https://user:pw@bank.example/\"}",
        "{\"url\":\"https://a.blocked.test/x\"}", "{\"url\":\"http://127.1:9080/loop\"}", "{}",
        "{\"url\":\"https://surrogate.example/a\\ud800b\"}", "{\"url\":\"https://ok.example/\",\"alias\":\"api\"}",
        "{\"url\":\"https://ok.example/\",\"redirectType\":307}",
        "{\"url\":\"https://ok.example/\",\"expiresAt\":\"tomorrow\"}"})
    void badInputIsTheSame400NamingTheField(String body) {
        String key = warmKey("bad");
        long before = fastCreates();
        Http.Response fast = post(key, body, false);
        assertThat(fastCreates()).isEqualTo(before + 1);
        Http.Response jaxRs = post(key, body, true);
        assertThat(fast.status()).as(fast.body()).isEqualTo(400);
        assertThat(fast.json().getString("field")).isNotBlank();
        assertThat(fast.body()).isEqualTo(jaxRs.body());
        assertThat(jaxRs.status()).isEqualTo(400);
        assertSameHeaders(fast, jaxRs);
    }

    @Test
    void aTakenAliasIsTheSame409() {
        String key = warmKey("alias");
        String body = "{\"url\":\"https://alias-fast.example/\",\"alias\":\"cf_" + UUID.randomUUID().toString()
                .substring(0, 8) + "\"}";
        assertThat(post(key, body, false).status()).isEqualTo(201);
        long before = fastCreates();
        Http.Response fast = post(key, body, false);
        Http.Response jaxRs = post(key, body, true);
        assertThat(fastCreates()).isEqualTo(before + 1);
        assertThat(fast.status()).isEqualTo(409);
        assertThat(fast.json().getString("field")).isEqualTo("alias");
        assertThat(fast.body()).isEqualTo(jaxRs.body());
        assertSameHeaders(fast, jaxRs);
    }

    @Test
    void overTheCreateLimitIsTheSame429WithRetryAfter() {
        String key = warmKey("limit");
        byte[] refused = "{\"url\":\"ftp://spend.example/\"}".getBytes(StandardCharsets.UTF_8); // a 400 takes a token too
        int spent = 0;
        Http.Response fast;
        while ((fast = Links.post(server, refused, key, false)).status() == 400
                && spent <= 2 * TestServers.SHARED_CREATE_LIMIT) {
            spent++;
        }
        assertThat(spent).isBetween(TestServers.SHARED_CREATE_LIMIT - 1, TestServers.SHARED_CREATE_LIMIT + 1);
        Http.Response jaxRs = Links.post(server, refused, key, true);
        assertThat(fast.status()).isEqualTo(429);
        assertThat(jaxRs.status()).isEqualTo(429);
        assertThat(fast.json().getString("policy")).isEqualTo("create");
        // the seconds to wait may tick between the two answers
        assertThat(withoutNumbers(fast.body())).isEqualTo(withoutNumbers(jaxRs.body()));
        assertThat(fast.header("Retry-After")).isPresent();
        assertThat(jaxRs.header("Retry-After")).isPresent();
        assertThat(fast.header("RateLimit-Remaining")).hasValue("0");
        assertSameHeaders(fast, jaxRs);
    }

    @Test
    void anIssuedKeyOwnsWhatTheFastPathCreatesAndAMadeUpKeyIsStill401() {
        String key = warmKey("owner");
        long before = fastCreates();
        Http.Response fast = post(key, "{\"url\":\"https://owned-fast.example/\"}", false);
        assertThat(fastCreates()).isEqualTo(before + 1);
        String code = fast.json().getString("code");
        Http.Response mine = Http.send("GET", server.baseUrl() + "/api/urls?size=1", null, null, "X-Api-Key", key);
        assertThat(mine.body()).as("listed as the key's own").contains(code);
        assertThat(Http.send("DELETE", server.baseUrl() + "/api/urls/" + code, null, null, "X-Api-Key", key)
                .status()).isEqualTo(204);

        String madeUp = "it-made-up-" + UUID.randomUUID();
        before = fastCreates();
        Http.Response first = post(madeUp, "{\"url\":\"https://made-up.example/\"}", false);
        Http.Response again = post(madeUp, "{\"url\":\"https://made-up.example/\"}", false); // now a cached refusal
        Http.Response jaxRs = post(madeUp, "{\"url\":\"https://made-up.example/\"}", true);
        assertThat(fastCreates()).as("keys not known valid are JAX-RS's").isEqualTo(before);
        assertThat(first.status()).isEqualTo(401);
        assertThat(again.body()).isEqualTo(first.body()).isEqualTo(jaxRs.body());
        assertThat(again.header("WWW-Authenticate")).isPresent();
    }

    /** Never a 500, whatever arrives; the fast path leaves all of these to JAX-RS, which answers as before. */
    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "null", "42", "{\"url\":42}", "{\"url\":\"https://a.example/\",\"url\":\"b\"}",
        "{\"url\":\"https://a.example/\",\"extra\":[1,2]}", "{\"url\":\"https://a.example/\"} trailing",
        "{\"url\":\"https://a.example/\",\"redirectType\":3.01e2}", "\u0000", "BAD-UTF8", "OVERSIZED"})
    void malformedOddAndOversizedBodiesAreNever500(String kind) {
        byte[] body = switch (kind) {
            case "BAD-UTF8" -> new byte[] {'{', '"', 'u', 'r', 'l', '"', ':', '"', (byte) 0xc3, '"', '}'};
            case "OVERSIZED" -> ("{\"url\":\"https://big.example/" + "a".repeat(20_000) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            default -> kind.getBytes(StandardCharsets.UTF_8);
        };
        String key = warmKey("odd");
        long before = fastCreates();
        Http.Response declared = Links.post(server, body, key, false);
        Http.Response streamed = Links.post(server, body, key, true);
        assertThat(fastCreates()).isEqualTo(before);
        assertThat(declared.status()).as(declared.body()).isBetween(200, 499);
        assertThat(declared.status()).isEqualTo(streamed.status());
        if (declared.status() >= 400) {
            assertThat(declared.header("Content-Type")).hasValueSatisfying(t ->
                    assertThat(t).startsWith("application/problem+json"));
            assertThat(declared.body()).isEqualTo(streamed.body());
        }
    }

    private Http.Response post(String key, String body, boolean streamed) {
        return Links.post(server, body.getBytes(StandardCharsets.UTF_8), key, streamed);
    }

    /** A fresh key, verified once so that the key cache knows it (a key to look up is JAX-RS's). */
    private String warmKey(String name) {
        String key = ApiKeys.issueKey(server, "ShortenerCreateFastPathIT-" + name);
        assertThat(Http.send("GET", server.baseUrl() + "/api/urls?size=1", null, null, "X-Api-Key", key).status())
                .isEqualTo(200);
        return key;
    }

    /** The body with what differs between two links (code, times, destination) taken out: the rest must be equal. */
    private static String withoutLinkValues(Http.Response created, String url) {
        JsonObject link = created.json();
        return created.body().replace(link.getString("code"), "CODE").replace(link.getString("createdAt"), "TIME")
                .replace(link.getString("updatedAt"), "TIME").replace(url, "URL");
    }

    private static String withoutNumbers(String body) {
        return body.replaceAll("[0-9]+", "N");
    }

    private static void assertSameHeaders(Http.Response fast, Http.Response jaxRs) {
        for (String header : SAME_HEADERS) {
            assertThat(fast.header(header)).as(header).isEqualTo(jaxRs.header(header));
        }
        assertThat(fast.header("RateLimit-Remaining")).as("the create limit applies").isPresent();
        assertThat(jaxRs.header("RateLimit-Remaining")).isPresent();
        assertThat(fast.header("Retry-After").isPresent()).isEqualTo(jaxRs.header("Retry-After").isPresent());
    }

    /** The fast path's own counter, from /metrics. */
    private long fastCreates() {
        return Links.counter(server, "shortener_creates_fast_total");
    }
}
