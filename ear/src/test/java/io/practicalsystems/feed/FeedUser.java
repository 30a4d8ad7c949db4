package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;

/** A feed user of an IT: signed up and logged in through the real API; calls the feed API with its token. */
record FeedUser(LibertyServer server, String handle, String password, String token) {

    static FeedUser signUp(LibertyServer server, String prefix) {
        String handle = (prefix + "_" + UUID.randomUUID().toString().replace("-", "")).substring(0, 30);
        String password = "pw-" + UUID.randomUUID();
        Http.Response created = Http.post(server.baseUrl() + "/api/feed/users", credentials(handle, password));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return logIn(server, handle, password);
    }

    /** The same user, logged in on another server (each server signs its own tokens). */
    FeedUser on(LibertyServer other) {
        return logIn(other, handle, password);
    }

    private static FeedUser logIn(LibertyServer server, String handle, String password) {
        Http.Response session = Http.post(server.baseUrl() + "/api/feed/sessions", credentials(handle, password));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        return new FeedUser(server, handle, password, session.json().getString("token"));
    }

    private static String credentials(String handle, String password) {
        return Json.createObjectBuilder().add("handle", handle).add("password", password).build().toString();
    }

    Http.Response call(String method, String path, String body, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Authorization";
        all[1] = "Bearer " + token;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return Http.send(method, server.baseUrl() + "/api/feed" + path, body, null, all);
    }

    JsonObject ok(String method, String path, String body) {
        Http.Response r = call(method, path, body);
        assertThat(r.status()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
        return r.status() == 204 ? null : r.json();
    }

    void follow(FeedUser other) {
        ok("PUT", "/follows/" + other.handle, null);
    }

    JsonObject post(String text, String... headers) {
        Http.Response r = call("POST", "/posts", Json.createObjectBuilder().add("text", text).build().toString(),
                headers);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** The whole home timeline (every page), newest first, as post IDs. */
    List<String> timeline() {
        return pages("/timeline");
    }

    /** The first page of the home timeline (20 items), each as the reader sees it: counters, likedByMe, repost. */
    List<JsonObject> timelineItems() {
        return ok("GET", "/timeline", null).getJsonArray("items").getValuesAs(JsonObject.class);
    }

    List<String> postsOf(FeedUser author) {
        return pages("/users/" + author.handle + "/posts");
    }

    private List<String> pages(String path) {
        List<String> ids = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonObject page = ok("GET", path + "?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), null);
            page.getJsonArray("items").forEach(item -> ids.add(item.asJsonObject().getString("id")));
            cursor = page.isNull("next") ? null : page.getString("next");
        } while (cursor != null);
        return ids;
    }
}
