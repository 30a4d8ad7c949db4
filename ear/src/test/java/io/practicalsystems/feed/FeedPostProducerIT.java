package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.crawler.SeedProducerClient;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * External producers of posts: the post producer (the seed producer's application client, {@code post} command) runs
 * as a separate OS process and reaches the shared server's messaging engine over TLS as the post producer user; each
 * message carries its author's feed token. A post sent twice under the same run id (what a redelivered or resent
 * message looks like to the server) reaches a follower's timeline exactly once; a message whose token was tampered
 * with posts nothing and is logged as dropped. The producer runs overlap (each is a JVM start of its own).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedPostProducerIT {

    private LibertyServer server;
    private FeedUser author;
    private FeedUser follower;
    private final String text = "from outside " + UUID.randomUUID();
    private final String forgedText = "forged " + UUID.randomUUID();
    private final String runId = "it-" + UUID.randomUUID();
    private SeedProducerClient.Run first;
    private SeedProducerClient.Run again;
    private SeedProducerClient.Run forged;

    @BeforeAll
    void produce(@SharedServer LibertyServer server) {
        this.server = server;
        author = FeedUser.signUp(server, "producer");
        follower = FeedUser.signUp(server, "reader");
        follower.follow(author);

        SeedProducerClient producer = SeedProducerClient.of(server, "feed-post-client");
        String[] parts = author.token().split("\\.");
        // the follower's signature under the author's claims: a token the feed never signed
        String tampered = parts[0] + "." + parts[1] + "." + follower.token().split("\\.")[2];
        CompletableFuture<SeedProducerClient.Run> once = CompletableFuture.supplyAsync(
                () -> producer.run(List.of("post", text), settings(author.token(), runId)));
        CompletableFuture<SeedProducerClient.Run> badToken = CompletableFuture.supplyAsync(
                () -> producer.run(List.of("post", forgedText), settings(tampered, "it-" + UUID.randomUUID())));
        first = once.join();
        // the same run again: the same message ids, so the server must post nothing new
        again = producer.run(List.of("post", text), settings(author.token(), runId));
        forged = badToken.join();
    }

    private static Map<String, String> settings(String token, String runId) {
        return Map.of("FEED_TOKEN", token, "FEED_POST_USER", TestServers.FEED_POSTS_USER,
                "FEED_POST_PASSWORD", TestServers.FEED_POSTS_PASSWORD, "FEED_POST_RUN_ID", runId);
    }

    @Test
    void aPostFromAnotherProcessReachesAFollowerExactlyOnce() {
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("feed-post: sent 1 post (run " + runId + ")");
        assertThat(again.exitCode()).as(again.output()).isZero();
        Await.until("the second copy to be recognised", () -> server.logContains("feed.posts: message " + runId
                + ":0 from "), found -> found, Duration.ofSeconds(60));

        List<JsonObject> posts = Await.until("the post in the follower's timeline", () -> follower.ok("GET",
                "/timeline?limit=100", null).getJsonArray("items").getValuesAs(JsonObject.class),
                items -> items.stream().anyMatch(p -> p.getString("text").equals(text)), Duration.ofSeconds(60));
        assertThat(posts).filteredOn(p -> p.getString("text").equals(text)).singleElement()
                .satisfies(p -> assertThat(p.getString("author")).isEqualTo(author.handle()));
        assertThat(textsOf(author)).containsOnlyOnce(text);
    }

    @Test
    void aMessageWithATokenTheFeedNeverSignedPostsNothing() {
        assertThat(forged.exitCode()).as(forged.output()).isZero();
        Await.until("the listener to drop the forged message", () -> server.logContains(
                ": the token is not accepted: the signature is not the feed's"), found -> found, Duration.ofSeconds(60));
        assertThat(textsOf(author)).doesNotContain(forgedText);
        assertThat(follower.ok("GET", "/timeline?limit=100", null).getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(p -> p.getString("text")).doesNotContain(forgedText);
    }

    private static List<String> textsOf(FeedUser user) {
        return user.ok("GET", "/users/" + user.handle() + "/posts?limit=100", null).getJsonArray("items")
                .getValuesAs(JsonObject.class).stream().map(p -> p.getString("text")).toList();
    }
}
