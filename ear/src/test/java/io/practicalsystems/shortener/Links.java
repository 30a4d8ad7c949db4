package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Test-side client of the shortener API: create, follow (without following the redirect), stats. */
final class Links {

    private static final HttpClient NO_REDIRECTS = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    private Links() {
    }

    static Http.Response create(LibertyServer server, String apiKey, JsonObjectBuilder body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/urls"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    static String createCode(LibertyServer server, String apiKey, String url) {
        Http.Response response = create(server, apiKey, Json.createObjectBuilder().add("url", url));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().getString("code");
    }

    /** GET /{code} without following: the status and Location. */
    static Http.Response follow(LibertyServer server, String code, String referer) {
        return follow(server, code, referer, null);
    }

    /** As {@link #follow(LibertyServer, String, String)}, as a client naming itself {@code userAgent} (else the JDK's). */
    static Http.Response follow(LibertyServer server, String code, String referer, String userAgent) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + code))
                .timeout(Duration.ofSeconds(30)).GET();
        if (referer != null) {
            request.header("Referer", referer);
        }
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return send(request.build());
    }

    /** Any method on {@code path} with no body, without following a redirect; {@code apiKey} may be null. */
    static Http.Response send(LibertyServer server, String method, String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    static Http.Response patch(LibertyServer server, String code, String apiKey, JsonObjectBuilder body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/urls/" + code))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body.build().toString()));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    /** POST or PATCH of raw bytes as {@code application/json}: bodies a JSON builder cannot write. */
    static Http.Response sendBytes(String method, String url, byte[] body, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    /**
     * POST /api/urls of raw bytes as {@code application/json}; {@code streamed} sends them without a declared length
     * (chunked), which the create fast path leaves to JAX-RS: the two ways in, for comparing their answers.
     */
    static Http.Response post(LibertyServer server, byte[] body, String apiKey, boolean streamed) {
        HttpRequest.BodyPublisher bytes = HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/urls"))
                .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(streamed ? HttpRequest.BodyPublishers.fromPublisher(bytes) : bytes);
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return send(request.build());
    }

    static JsonObject stats(LibertyServer server, String code) {
        return Http.getJson(server.baseUrl() + "/api/urls/" + code + "/stats");
    }

    /** Clicks arrive asynchronously (JMS → MDB): wait until the stats show {@code total}. */
    static JsonObject awaitTotal(LibertyServer server, String code, long total) {
        return Await.until("stats of " + code + " to reach " + total, () -> stats(server, code),
                s -> s.getJsonNumber("total").longValue() >= total, Duration.ofSeconds(60));
    }

    private static Http.Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = NO_REDIRECTS.send(request, HttpResponse.BodyHandlers.ofString());
            return new Http.Response(response.statusCode(), response.body(), response.headers());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An application counter of the server (e.g. a fast path's {@code shortener_creates_fast_total}), from /metrics. */
    static long counter(LibertyServer server, String name) {
        String metrics = Http.get(server.httpsBaseUrl() + "/metrics?scope=application", TestServers.admin()).body();
        return metrics.lines().filter(line -> line.startsWith(name))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Waits without failing the test on interruption (it restores the flag): polls and over-the-window checks. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
