package io.practicalsystems.platform.testkit;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * Issues and revokes API keys through the admin endpoint ({@code /api/keys}, HTTPS with the test admin's
 * credentials): endpoints verify X-Api-Key, so a test that needs a key asks for a real one.
 */
public final class ApiKeys {

    private ApiKeys() {
    }

    /** An issued key: its public id and the key itself. */
    public record Issued(String id, String key) {
    }

    public static Issued issue(LibertyServer server, String name) {
        Http.Response response = Http.post(server.httpsBaseUrl() + "/api/keys",
                Json.createObjectBuilder().add("name", name).build().toString(), TestServers.admin());
        if (response.status() != 201) {
            throw new IllegalStateException("issuing an API key on " + server.name() + " answered "
                    + response.status() + ": " + response.body());
        }
        JsonObject body = response.json();
        return new Issued(body.getString("id"), body.getString("key"));
    }

    /** The key itself, for tests that only need to send one. */
    public static String issueKey(LibertyServer server, String name) {
        return issue(server, name).key();
    }

    public static Http.Response revoke(LibertyServer server, String id) {
        return Http.send("DELETE", server.httpsBaseUrl() + "/api/keys/" + id, null, TestServers.admin());
    }
}
