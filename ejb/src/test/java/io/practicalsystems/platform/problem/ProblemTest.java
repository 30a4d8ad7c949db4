package io.practicalsystems.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void theDocumentHasTypeTitleStatusDetailAndTypedExtras() {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("field", "count");
        extras.put("retryAfterSeconds", 5);
        extras.put("offset", 9_000_000_000L);
        extras.put("stale", true);
        extras.put("absent", null);

        JsonObject json = parse(new Problem(400, "invalid-request", "Invalid request", "count must be positive",
                extras).toJson());

        assertThat(json.getString("type")).isEqualTo("https://practicalsystems.io/problems/invalid-request");
        assertThat(json.getString("title")).isEqualTo("Invalid request");
        assertThat(json.getInt("status")).isEqualTo(400);
        assertThat(json.getString("detail")).isEqualTo("count must be positive");
        assertThat(json.getString("field")).isEqualTo("count");
        assertThat(json.getInt("retryAfterSeconds")).isEqualTo(5);
        assertThat(json.getJsonNumber("offset").longValue()).isEqualTo(9_000_000_000L);
        assertThat(json.getBoolean("stale")).isTrue();
        assertThat(json).doesNotContainKey("absent");
    }

    @Test
    void textFromTheClientIsEscapedNotInterpreted() {
        String hostile = "\"},\"status\":200,\"x\":\"</script>\u0000";
        JsonObject json = parse(new Problem(404, "not-found", "Not Found", hostile).toJson());
        assertThat(json.getString("detail")).isEqualTo(hostile);
        assertThat(json.getInt("status")).isEqualTo(404);
    }

    @Test
    void anUnexpectedFailureIsAnIncidentThatHidesTheException() {
        Problem problem = Incidents.record(new IllegalStateException("jdbc:derby:/srv/data/derby;user=app"),
                "a test");
        String json = problem.toJson();
        assertThat(problem.status()).isEqualTo(500);
        assertThat(parse(json).getString("incident")).matches("[0-9a-f-]{36}");
        assertThat(json).doesNotContain("derby").doesNotContain("IllegalStateException").doesNotContain("java.");
    }

    static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
