package io.practicalsystems.feed.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutPlannerTest {

    private static final long HOUR = 3_600_000L;
    private static final long NOW = 1_800_000_000_000L;

    private final FanoutPlanner planner = new FanoutPlanner(new FanoutSettings(10_000, 24 * HOUR, 3));

    @Test
    void authorsFromTheThresholdOnAreCelebritiesAndArePulled() {
        assertThat(planner.modeFor(0)).isEqualTo(DeliveryMode.PUSH);
        assertThat(planner.modeFor(9_999)).isEqualTo(DeliveryMode.PUSH);
        assertThat(planner.modeFor(10_000)).isEqualTo(DeliveryMode.PULL);
        assertThat(planner.modeFor(50_000_000)).isEqualTo(DeliveryMode.PULL);
        assertThatThrownBy(() -> planner.modeFor(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishingFixesTheModeFromTheFollowerCountAtThatMoment() {
        PublishedPost ordinary = planner.publish(101, 7, 9_999);
        PublishedPost famous = planner.publish(102, 7, 10_000);

        assertThat(ordinary).isEqualTo(new PublishedPost(101, 7, DeliveryMode.PUSH));
        assertThat(ordinary.inHomeFeeds()).isTrue();
        assertThat(ordinary.mergedAtRead()).isFalse();
        assertThat(famous.inHomeFeeds()).isFalse();
        assertThat(famous.mergedAtRead()).isTrue();
    }

    @Test
    void aPushPostGoesToActiveFollowersOnceAndSkipsInactiveOnes() {
        PublishedPost post = planner.publish(101, 7, 4);
        List<Follower> followers = List.of(
                new Follower(1, NOW - HOUR),
                new Follower(2, NOW - 24 * HOUR),      // exactly at the window's edge: still active
                new Follower(3, NOW - 24 * HOUR - 1),  // just past it
                new Follower(1, NOW - HOUR),           // listed twice
                new Follower(4, Long.MIN_VALUE),       // never active
                new Follower(5, NOW + HOUR));          // clock skew: counts as active

        FanoutPlan plan = planner.plan(post, followers, NOW);

        assertThat(plan.post()).isEqualTo(post);
        assertThat(plan.recipients()).containsExactly(1L, 2L, 5L);
        assertThat(plan.skippedInactive()).isEqualTo(2);
    }

    @Test
    void aPullPostIsPushedToNobody() {
        PublishedPost post = new PublishedPost(101, 7, DeliveryMode.PULL);

        FanoutPlan plan = planner.plan(post, List.of(new Follower(1, NOW), new Follower(2, NOW)), NOW);

        assertThat(plan.recipients()).isEmpty();
        assertThat(plan.skippedInactive()).isZero();
    }

    @Test
    void aPlanIsSplitIntoBatchesOfTheConfiguredSize() {
        List<Follower> followers = List.of(new Follower(1, NOW), new Follower(2, NOW), new Follower(3, NOW),
                new Follower(4, NOW), new Follower(5, NOW), new Follower(6, NOW), new Follower(7, NOW));

        List<List<Long>> batches = planner.batches(planner.plan(planner.publish(101, 7, 7), followers, NOW));

        assertThat(batches).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L), List.of(7L));
    }

    @Test
    void thePublishListenerPushesTheFirstBatchesItselfAndQueuesTheRest() {
        FanoutPlanner twoInline = new FanoutPlanner(new FanoutSettings(10_000, 24 * HOUR, 3, 2));
        List<Follower> followers = new ArrayList<>();
        for (long id = 1; id <= 10; id++) {
            followers.add(new Follower(id, NOW));
        }

        FanoutWork work = twoInline.work(twoInline.plan(twoInline.publish(101, 7, 10), followers, NOW));

        assertThat(work.inline()).containsExactly(List.of(1L, 2L, 3L), List.of(4L, 5L, 6L));
        assertThat(work.queued()).containsExactly(List.of(7L, 8L, 9L), List.of(10L));
        FanoutWork small = twoInline.work(twoInline.plan(twoInline.publish(102, 7, 2), followers.subList(0, 2), NOW));
        assertThat(small.inline()).containsExactly(List.of(1L, 2L));
        assertThat(small.queued()).isEmpty();
    }

    @Test
    void aSkippedFollowerRebuildsAtTheNextReadAndAnActiveOneDoesNot() {
        long lastActive = NOW - 25 * HOUR;

        assertThat(planner.isActive(lastActive, NOW)).isFalse();
        assertThat(planner.feedNeedsRebuild(lastActive, NOW + HOUR)).isTrue();
        assertThat(planner.feedNeedsRebuild(NOW - HOUR, NOW)).isFalse();
    }

    @Test
    void aWindowReachingPastTheSmallestLongDoesNotWrapAround() {
        FanoutPlanner forever = new FanoutPlanner(new FanoutSettings(1, Long.MAX_VALUE, 1));

        assertThat(forever.isActive(0, NOW)).isTrue();
        assertThat(forever.isActive(-NOW - 1, -NOW)).isTrue(); // -NOW - MAX_VALUE would wrap to a huge cutoff
    }

    @Test
    void settingsRefuseNonsense() {
        assertThatThrownBy(() -> new FanoutSettings(0, HOUR, 1)).hasMessageContaining("celebrityFollowers");
        assertThatThrownBy(() -> new FanoutSettings(1, -1, 1)).hasMessageContaining("inactiveAfterMillis");
        assertThatThrownBy(() -> new FanoutSettings(1, HOUR, 0)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> new FanoutSettings(1, HOUR, 1, 0)).hasMessageContaining("inlineBatches");
        assertThatThrownBy(() -> FanoutBatches.split(List.of(1L), 0)).hasMessageContaining("batchSize");
    }
}
