package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The news feed end to end on the shared server (real Redis, JMS engine, document store): fanout (with a JMS
 * redelivery), the celebrity merge, crossing the threshold, unfollow, block, delete, exact concurrent likes. The shared
 * server's feed settings ({@link TestServers#shared}): celebrity at {@value TestServers#FEED_CELEBRITY_FOLLOWERS}
 * followers, fanout batches of 2 feeds of which the publish listener pushes the first and queues the rest as messages
 * (so most fanouts take both paths), the fault hook on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedIT {

    static final Duration FANOUT = Duration.ofSeconds(60);

    LibertyServer server;

    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
    }

    List<FeedUser> users(String prefix, int count) {
        List<FeedUser> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FeedUser u = FeedUser.signUp(server, prefix);
            u.timeline(); // a reader: active, so pushes reach their feed
            users.add(u);
        }
        return users;
    }

    static List<String> awaitTimeline(FeedUser reader, String what, java.util.function.Predicate<List<String>> done) {
        return Await.until(reader.handle() + "'s timeline " + what, reader::timeline, done, FANOUT);
    }

    @Test
    void aPostReachesEveryFollowerExactlyOnceEvenWhenItsFanoutIsRedelivered() {
        FeedUser author = FeedUser.signUp(server, "author");
        // 4 < the celebrity threshold: PUSH, 5 feeds = 3 batches: one pushed by the publish listener, two queued
        List<FeedUser> followers = users("fan", 4);
        followers.forEach(f -> f.follow(author));

        var post = author.post("hello followers", "X-Feed-Fail-Fanout-Once", "true");
        String id = post.getString("id");
        assertThat(post.getString("deliveredBy")).isEqualTo("PUSH");

        for (FeedUser f : followers) {
            List<String> timeline = awaitTimeline(f, "has the post", t -> t.contains(id));
            assertThat(Collections.frequency(timeline, id)).isEqualTo(1);
        }
        assertThat(Collections.frequency(author.timeline(), id)).isEqualTo(1);
        Await.until("the first fanout delivery failed on purpose", () -> server.logContains(
                "failing the first delivery of post " + id), found -> found, FANOUT);
    }

    @Test
    void celebrityPostsAreMergedInOrderAndCrossingTheThresholdLosesAndRepeatsNothing() {
        FeedUser celebrity = FeedUser.signUp(server, "celeb");
        FeedUser ordinary = FeedUser.signUp(server, "ordinary");
        List<FeedUser> fans = users("fan", TestServers.FEED_CELEBRITY_FOLLOWERS - 1);
        FeedUser reader = fans.get(0);
        fans.forEach(f -> f.follow(celebrity));
        reader.follow(ordinary);

        String pushed1 = celebrity.post("still ordinary").getString("id");
        FeedUser last = users("fan", 1).get(0);
        last.follow(celebrity); // now at the threshold
        var celebPost = celebrity.post("now famous");
        String pulled = celebPost.getString("id");
        assertThat(celebPost.getString("deliveredBy")).isEqualTo("PULL");
        String between = ordinary.post("in between").getString("id");
        String pulled2 = celebrity.post("famous again").getString("id");
        last.ok("DELETE", "/follows/" + celebrity.handle(), null); // below the threshold again
        String pushed2 = celebrity.post("ordinary again").getString("id");

        List<String> expected = List.of(pushed2, pulled2, between, pulled, pushed1);
        List<String> timeline = awaitTimeline(reader, "has all five", t -> t.containsAll(expected));
        assertThat(timeline).containsSubsequence(expected).doesNotHaveDuplicates();
        assertThat(timeline.stream().filter(expected::contains).toList()).isEqualTo(expected);
    }

    @Test
    void unfollowStopsFuturePostsBlockHidesAndDeleteRemovesEverywhere() {
        FeedUser author = FeedUser.signUp(server, "author");
        List<FeedUser> readers = users("reader", 3);
        readers.forEach(r -> r.follow(author));
        String first = author.post("first").getString("id");
        readers.forEach(r -> awaitTimeline(r, "has the first post", t -> t.contains(first)));

        FeedUser unfollower = readers.get(0);
        FeedUser blocker = readers.get(1);
        FeedUser stayer = readers.get(2);
        unfollower.ok("DELETE", "/follows/" + author.handle(), null);
        blocker.ok("PUT", "/blocks/" + author.handle(), null);
        String second = author.post("second").getString("id");
        awaitTimeline(stayer, "has the second post", t -> t.contains(second));

        assertThat(unfollower.timeline()).contains(first).doesNotContain(second);
        assertThat(blocker.timeline()).doesNotContain(first, second);
        assertThat(author.call("PUT", "/follows/" + blocker.handle(), null).status()).isEqualTo(403);

        author.ok("DELETE", "/posts/" + second, null);
        assertThat(stayer.timeline()).contains(first).doesNotContain(second);
        assertThat(author.timeline()).doesNotContain(second);
        assertThat(stayer.postsOf(author)).containsExactly(first);
        assertThat(stayer.call("GET", "/posts/" + second, null).status()).isEqualTo(404);
        assertThat(stayer.call("DELETE", "/posts/" + first, null).status()).isEqualTo(403);
    }

    @Test
    void concurrentLikesAreCountedExactlyAndLikingTwiceCountsOnce() throws Exception {
        FeedUser author = FeedUser.signUp(server, "author");
        String id = author.post("like me").getString("id");
        List<FeedUser> likers = users("liker", 12);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> likes = new ArrayList<>();
            for (FeedUser u : likers) {
                for (int i = 0; i < 3; i++) {
                    likes.add(pool.submit(() -> u.call("PUT", "/posts/" + id + "/like", null).status()));
                }
            }
            for (Future<Integer> f : likes) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(author.ok("GET", "/posts/" + id, null).getInt("likes")).isEqualTo(12);
        var unliked = likers.get(0).ok("DELETE", "/posts/" + id + "/like", null);
        assertThat(unliked.getInt("likes")).isEqualTo(11);
        assertThat(unliked.getBoolean("likedByMe")).isFalse();
        assertThat(likers.get(1).ok("GET", "/posts/" + id, null).getBoolean("likedByMe")).isTrue();
    }

    @Test
    void afterRedisLosesEveryFeedKeyTimelinesAndCountersComeBackTheSame() {
        FeedUser author = FeedUser.signUp(server, "author");
        List<FeedUser> readers = users("reader", 3);
        readers.forEach(r -> r.follow(author));
        String id = author.post("survive the flush").getString("id");
        readers.forEach(r -> awaitTimeline(r, "has the post", t -> t.contains(id)));
        readers.get(0).ok("PUT", "/posts/" + id + "/like", null);
        readers.get(1).ok("POST", "/posts/" + id + "/comments", "{\"text\":\"nice\"}");
        String repost = readers.get(2).ok("POST", "/posts/" + id + "/shares", "{}").getString("id");
        awaitTimeline(readers.get(2), "has the repost", t -> t.contains(repost));
        List<List<String>> timelines = readers.stream().map(FeedUser::timeline).toList();
        List<List<JsonObject>> items = readers.stream().map(FeedUser::timelineItems).toList();
        var post = author.ok("GET", "/posts/" + id, null);
        var profile = author.ok("GET", "/users/" + author.handle(), null);
        // A timeline item is the post as its reader sees it: its counters, likedByMe and the post it reposts.
        JsonObject liked = items.get(0).get(0);
        assertThat(liked.getString("id")).isEqualTo(id);
        assertThat(liked.getBoolean("likedByMe")).isTrue();
        assertThat(List.of(liked.getInt("likes"), liked.getInt("comments"), liked.getInt("shares")))
                .containsExactly(1, 1, 1);
        assertThat(items.get(1).get(0).getBoolean("likedByMe")).isFalse();
        assertThat(items.get(2).get(0).getString("id")).isEqualTo(repost);
        assertThat(items.get(2).get(0).getJsonObject("sharedFrom").getString("id")).isEqualTo(id);

        FeedRedis.dropEveryFeedKey();

        assertThat(readers.stream().map(FeedUser::timelineItems).toList())
                .as("the same items, counters, likedByMe and reposts rebuilt from the documents").isEqualTo(items);
        assertThat(readers.stream().map(FeedUser::timeline).toList()).isEqualTo(timelines);
        assertThat(author.ok("GET", "/posts/" + id, null)).isEqualTo(post);
        assertThat(author.ok("GET", "/users/" + author.handle(), null)).isEqualTo(profile);
        assertThat(post.getInt("likes")).isEqualTo(1);
        assertThat(post.getInt("comments")).isEqualTo(1);
        assertThat(post.getInt("shares")).isEqualTo(1);
        assertThat(profile.getInt("followers")).isEqualTo(3);
    }

    @Test
    void aLiveStreamReceivesEachNewPostOfItsReadersTimeline() throws Exception {
        FeedUser author = FeedUser.signUp(server, "author");
        FeedUser reader = users("live", 1).get(0);
        reader.follow(author);
        try (LiveStream live = LiveStream.open(reader)) {
            live.awaitLine("the stream to be connected", line -> line.startsWith(":") && line.contains("connected"));
            String id = author.post("live!").getString("id");
            String data = live.awaitLine("the post's event", line -> line.startsWith("data:") && line.contains(id));
            assertThat(data).contains("\"author\":\"" + author.handle() + "\"");
            assertThat(live.lineBefore(data)).isEqualTo("event: post");
        }
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        FeedUser me = FeedUser.signUp(server, "bad");
        String id = me.post("the only post").getString("id");
        record Case(String method, String path, String body, int status) {
        }
        List<Case> cases = List.of(
                new Case("POST", "/posts", "{\"text\":\"" + "x".repeat(501) + "\"}", 400),
                new Case("POST", "/posts", "{\"text\":\"   \"}", 400),
                new Case("POST", "/posts", "{}", 400),
                new Case("POST", "/posts", "{\"text\":\"hi\",\"colour\":\"red\"}", 400),
                new Case("POST", "/posts", "{\"text\":\"hi\",\"replyTo\":\"12345\"}", 404),
                new Case("POST", "/posts", "[1]", 400),
                new Case("PUT", "/follows/" + me.handle(), null, 400),
                new Case("PUT", "/follows/nobody_" + System.nanoTime(), null, 404),
                new Case("PUT", "/posts/12345/like", null, 404),
                new Case("PUT", "/posts/abc/like", null, 400),
                new Case("POST", "/posts/" + id + "/comments", "{\"text\":\"\"}", 400),
                new Case("GET", "/timeline?limit=0", null, 400),
                new Case("GET", "/timeline?limit=101", null, 400),
                new Case("GET", "/timeline?cursor=bm90LWEtY3Vyc29y", null, 400));
        for (Case c : cases) {
            Http.Response r = me.call(c.method(), c.path(), c.body());
            assertThat(r.status()).as(c + ": " + r.body()).isEqualTo(c.status());
            assertThat(r.header("Content-Type")).as(c.toString()).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        Http.Response anonymous = Http.post(server.baseUrl() + "/api/feed/posts", "{\"text\":\"hi\"}");
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response badToken = Http.send("POST", server.baseUrl() + "/api/feed/posts", "{\"text\":\"hi\"}", null,
                "Authorization", "Bearer not.a.token");
        assertThat(badToken.status()).isEqualTo(401);

        assertThat(me.postsOf(me)).containsExactly(id);
        var post = me.ok("GET", "/posts/" + id, null);
        assertThat(post.getInt("comments")).isZero();
        assertThat(me.ok("GET", "/users/" + me.handle(), null).getInt("following")).isZero();
    }

    @Test
    void aUserWritingTooFastGets429WithRetryAfterAndNothingChanges() {
        FeedUser me = FeedUser.signUp(server, "fast");
        String id = me.post("like me many times").getString("id");
        Http.Response refused = null;
        for (int i = 0; i < 400 && refused == null; i++) { // feed-write: 60 at once, then 1/s
            Http.Response r = me.call("PUT", "/posts/" + id + "/like", null);
            if (r.status() == 429) {
                refused = r;
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(200);
            }
        }
        assertThat(refused).as("a 429 within 400 writes").isNotNull();
        assertThat(refused.header("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isPositive());
        assertThat(refused.body()).contains("too fast");
        assertThat(me.ok("GET", "/posts/" + id, null).getInt("likes")).isEqualTo(1);
    }
}
