package io.practicalsystems.feed.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.feed.timeline.FeedCursor;
import io.practicalsystems.feed.timeline.HomeFeed;
import io.practicalsystems.feed.timeline.TimelineMerge;
import io.practicalsystems.feed.timeline.TimelinePage;
import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Authors whose follower counts wander across the celebrity threshold, up and down, while they post: a reader who
 * follows them all, reading by pushed feed plus read-time merge of the followed authors' PULL posts, sees every post
 * exactly once, newest first — whichever route each post took — and no post is on both routes.
 */
class ThresholdCrossingPropertyTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long READER = 1;

    private final FanoutPlanner planner = new FanoutPlanner(new FanoutSettings(10, 60_000, 2));

    /** One post: by which of three authors, and that author's follower count (threshold 10) when it is published. */
    private record Publish(int author, long followerCount) {
    }

    @Test
    void everyPostReachesTheReaderExactlyOnceWhicheverWayItsAuthorCrossed() {
        qt().forAll(Gens.listsOf(integers().between(0, 2).zip(longs().between(5, 15), Publish::new), 0, 40),
                        integers().between(1, 7))
                .checkAssert((publishes, limit) -> {
                    HomeFeed readerFeed = new HomeFeed();
                    Map<Integer, List<Long>> pullPostsByAuthor = new HashMap<>();
                    List<Long> published = new ArrayList<>();
                    long postId = 1_000;
                    for (Publish publish : publishes) {
                        postId += 1 + (publish.followerCount() % 3); // Snowflake-like: increasing, with gaps
                        PublishedPost post = planner.publish(postId, publish.author(), publish.followerCount());
                        published.add(postId);
                        for (long recipient : planner.plan(post, List.of(new Follower(READER, NOW)), NOW).recipients()) {
                            assertThat(readerFeed.add(post.postId())).isTrue();
                            assertThat(recipient).isEqualTo(READER);
                        }
                        if (post.mergedAtRead()) {
                            pullPostsByAuthor.computeIfAbsent(publish.author(), a -> new ArrayList<>()).add(0, postId);
                        }
                    }
                    List<List<Long>> sources = new ArrayList<>();
                    sources.add(readerFeed.newestFirst());
                    sources.addAll(pullPostsByAuthor.values());

                    // Each post took exactly one route: the merge's de-duplication is not what keeps posts single.
                    List<Long> routed = new ArrayList<>();
                    sources.forEach(routed::addAll);
                    assertThat(routed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);

                    List<Long> seen = readAll(sources, limit);

                    assertThat(seen).doesNotHaveDuplicates()
                            .containsExactlyElementsOf(published.stream().sorted((a, b) -> Long.compare(b, a)).toList());
                });
    }

    private static List<Long> readAll(List<List<Long>> sources, int limit) {
        List<Long> seen = new ArrayList<>();
        FeedCursor cursor = null;
        do {
            TimelinePage page = TimelineMerge.page(sources, id -> true, cursor, limit);
            seen.addAll(page.postIds());
            cursor = page.next();
        } while (cursor != null);
        return seen;
    }
}
