package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.LibertyCluster;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Liberty servers sharing Redis and the document store (each with its own JMS engine) serve the same feed: a
 * post published and fanned out on one is in the timelines read on the other, and reaches a live stream connected to
 * the other (Redis pub/sub). The pair is shared with ShortenerTwoServersIT ({@link SharedPair}): two servers cost
 * minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedTwoServersIT {

    LibertyCluster cluster;

    @BeforeAll
    void start(@SharedPair LibertyCluster pair) {
        cluster = pair;
    }

    @Test
    void bothServersServeTheSameTimelinesAndLiveUpdatesCrossServers() throws Exception {
        LibertyServer a = cluster.get(0);
        LibertyServer b = cluster.get(1);
        FeedUser authorOnA = FeedUser.signUp(a, "author");
        FeedUser readerOnB = FeedUser.signUp(b, "reader");
        FeedUser readerOnA = readerOnB.on(a);
        readerOnB.timeline();
        readerOnA.follow(authorOnA.on(a));

        try (LiveStream live = LiveStream.open(readerOnB)) {
            live.awaitLine("the stream on B to be connected", line -> line.startsWith(":")
                    && line.contains("connected"));
            String id = authorOnA.post("from server A").getString("id");

            live.awaitLine("B's stream to get the post fanned out on A",
                    line -> line.startsWith("data:") && line.contains(id));
            List<String> onB = Await.until("B's timeline to have the post", readerOnB::timeline,
                    t -> t.contains(id), Duration.ofSeconds(60));
            assertThat(readerOnA.timeline()).isEqualTo(onB);
            assertThat(readerOnB.ok("GET", "/posts/" + id, null).getString("author"))
                    .isEqualTo(authorOnA.handle());
        }
    }
}
