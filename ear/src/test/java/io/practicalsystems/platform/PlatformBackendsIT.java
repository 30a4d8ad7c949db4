package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.ItServices;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/platform/backends} on the shared server, whose Redis and MariaDB are configured and whose document
 * store and messaging engine are its own: each backend's mode for anyone, and nothing of what the admin's health
 * details say about where a backend is or how to sign in to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformBackendsIT {

    private static final Set<String> PUBLIC_WORDS = Set.of("embedded", "local", "external", "unknown", "redis", "sql",
            "mongodb", "messaging");

    private LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    @Test
    void everyBackendsModeIsPublicWithoutAnythingThatLocatesIt() {
        Http.Response answer = Http.get(server.baseUrl() + "/api/platform/backends");

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        List<JsonObject> backends = array(answer.body());
        assertThat(backends).allSatisfy(b -> assertThat(b.keySet()).containsExactlyInAnyOrder("service", "mode"));
        assertThat(backends.stream().collect(Collectors.toMap(b -> b.getString("service"), b -> b.getString("mode"))))
                .isEqualTo(Map.of("redis", "external", "sql", "external", "mongodb", "embedded",
                        "messaging", "embedded"));

        ItServices services = ItServices.get();
        assertThat(answer.body()).doesNotContain("://", "127.0.0.1", "localhost", services.sqlUser() + "@",
                ":" + services.redis().port(), ":" + services.sql().port(), "MariaDB");
        // Nothing the admin's details say about a backend (addresses, database names, errors) is in the public answer,
        // but for a mode or a service name (the messaging engine's detail is "embedded").
        JsonObject details = Http.getJson(server.httpsBaseUrl() + "/api/admin/health", TestServers.admin());
        List<String> detailValues = details.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .flatMap(check -> check.getJsonObject("data").values().stream())
                .filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString())
                .filter(v -> !PUBLIC_WORDS.contains(v)).toList();
        assertThat(detailValues).as("the admin's details describe the backends").isNotEmpty();
        assertThat(detailValues).allSatisfy(value -> assertThat(answer.body()).doesNotContain(value));
    }

    private static List<JsonObject> array(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readArray().getValuesAs(JsonObject.class);
        }
    }
}
