package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.ApiKeys;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import jakarta.json.Json;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The redirect fast path (the servlet filter answering cached codes before JAX-RS, {@code RedirectFastPath}) on the
 * shared server: it answers exactly what the JAX-RS resource answers, counts each click once, and leaves everything
 * that is not a plain GET of a cached live code to JAX-RS. Which path answered is read from its own counter in
 * /metrics ({@code shortener.redirects.fast}). Its 429 is in RateLimitIT (that needs a small redirect limit).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShortenerFastPathIT {

    private static final List<String> SAME_HEADERS = List.of("Location", "Cache-Control", "RateLimit-Limit",
            "RateLimit-Policy");

    private LibertyServer server;
    private String key;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
        key = ApiKeys.issueKey(server, "ShortenerFastPathIT");
    }

    @Test
    void aCachedCodeIsAnsweredBeforeJaxRsLikeJaxRsAnswersItAndEachClickCountsOnce() {
        for (int type : new int[] {302, 301}) {
            String code = Links.create(server, key, Json.createObjectBuilder()
                    .add("url", "https://fast-" + type + ".example/a?b=c").add("redirectType", type)).json()
                    .getString("code");
            Http.Response first = Links.follow(server, code, null); // fills the caches if the create did not
            long before = fastRedirects();
            Http.Response fast = Links.follow(server, code, "https://ref.example/");
            assertThat(fastRedirects()).as("answered by the fast path").isEqualTo(before + 1);
            Http.Response head = Links.send(server, "HEAD", "/" + code, null);
            assertThat(fastRedirects()).as("HEAD goes to JAX-RS").isEqualTo(before + 1);

            assertThat(fast.status()).isEqualTo(type);
            assertThat(head.status()).isEqualTo(type);
            assertThat(first.status()).isEqualTo(type);
            assertThat(fast.header("Location")).hasValue("https://fast-" + type + ".example/a?b=c");
            assertThat(fast.header("Cache-Control")).hasValue(type == 301 ? "public, max-age=86400" : "no-store");
            for (String header : SAME_HEADERS) {
                assertThat(fast.header(header)).as(header).isEqualTo(head.header(header));
            }
            assertThat(fast.header("RateLimit-Remaining")).as("the redirect limit applies").isPresent();

            // 3 answered redirects (first, fast, HEAD), each counted once: not again by a fall-through
            Links.awaitTotal(server, code, 3);
            Links.sleep(2_500);
            assertThat(Links.stats(server, code).getJsonNumber("total").longValue()).isEqualTo(3);
        }
    }

    @Test
    void otherMethodsOddPathsAndKeyedRequestsAreLeftToJaxRs() {
        String alias = "fp_" + UUID.randomUUID().toString().substring(0, 8) + "-x";
        String code = Links.create(server, key, Json.createObjectBuilder().add("url", "https://odd.example/")
                .add("alias", alias)).json().getString("code");
        assertThat(Links.follow(server, code, null).status()).as("an alias with _ and -").isEqualTo(302);
        long before = fastRedirects();
        assertThat(Links.follow(server, code, null).status()).isEqualTo(302);
        assertThat(fastRedirects()).as("_ and - are code characters").isEqualTo(before + 1);

        before = fastRedirects();
        assertThat(Links.send(server, "POST", "/" + code, null).status()).isEqualTo(405);
        String lastAsEscape = code.substring(0, code.length() - 1) + "%78"; // the alias ends in "x"
        Http.Response encoded = Links.send(server, "GET", "/" + lastAsEscape, null);
        Http.Response madeUpKey = Links.send(server, "GET", "/" + code, "it-made-up-" + UUID.randomUUID());
        Http.Response issuedKey = Links.send(server, "GET", "/" + code, key);
        assertThat(fastRedirects()).as("none of them by the fast path").isEqualTo(before);

        // JAX-RS matches the template against the path as sent: no resource, 404, as before the fast path existed
        assertThat(encoded.status()).isEqualTo(404);
        assertThat(madeUpKey.status()).as("a made-up key is refused, as on every endpoint").isEqualTo(401);
        assertThat(issuedKey.status()).isEqualTo(302);
    }

    @Test
    void deletedAndUnknownCodesAreNotServedFromTheFastPath() {
        String code = Links.createCode(server, key, "https://deleted-fast.example/");
        assertThat(Links.follow(server, code, null).status()).isEqualTo(302);
        assertThat(Links.follow(server, code, null).status()).isEqualTo(302);
        assertThat(Http.send("DELETE", server.baseUrl() + "/api/urls/" + code, null, null, "X-Api-Key", key)
                .status()).isEqualTo(204);
        long before = fastRedirects();
        Http.Response deleted = Links.follow(server, code, null);
        Http.Response unknown = Links.follow(server, "zzFastNope9", null);
        assertThat(fastRedirects()).isEqualTo(before);
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.json().getString("type")).endsWith("/link-not-found");
        assertThat(unknown.status()).isEqualTo(404);
    }

    /** The fast path's own counter, from /metrics. */
    private long fastRedirects() {
        return Links.counter(server, "shortener_redirects_fast_total");
    }
}
