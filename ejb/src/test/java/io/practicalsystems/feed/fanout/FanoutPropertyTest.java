package io.practicalsystems.feed.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FanoutPropertyTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void batchesJoinedAreTheRecipientsAndAreFullButTheLast() {
        qt().forAll(Gens.listsOf(longs().between(1, 1000), 0, 60), integers().between(1, 25))
                .checkAssert((recipients, size) -> {
                    List<List<Long>> batches = FanoutBatches.split(recipients, size);

                    List<Long> joined = new ArrayList<>();
                    batches.forEach(joined::addAll);
                    assertThat(joined).isEqualTo(recipients);
                    assertThat(batches).allSatisfy(batch -> assertThat(batch).isNotEmpty().hasSizeLessThanOrEqualTo(size));
                    for (int i = 0; i < batches.size() - 1; i++) {
                        assertThat(batches.get(i)).hasSize(size);
                    }
                });
    }

    @Test
    void theInlineAndQueuedBatchesJoinedAreThePlansBatches() {
        qt().forAll(integers().between(0, 60), integers().between(1, 7), integers().between(1, 12))
                .checkAssert((count, size, inline) -> {
                    FanoutPlanner planner = new FanoutPlanner(new FanoutSettings(1_000, 5_000, size, inline));
                    List<Follower> followers = new ArrayList<>();
                    for (long id = 1; id <= count; id++) {
                        followers.add(new Follower(id, NOW));
                    }
                    FanoutPlan plan = planner.plan(planner.publish(1, 99, count), followers, NOW);

                    FanoutWork work = planner.work(plan);

                    List<List<Long>> joined = new ArrayList<>(work.inline());
                    joined.addAll(work.queued());
                    assertThat(joined).isEqualTo(planner.batches(plan));
                    assertThat(work.inline()).hasSize(Math.min(inline, joined.size()));
                });
    }

    @Test
    void everyDistinctFollowerIsEitherPushedOnceOrCountedSkipped() {
        FanoutPlanner planner = new FanoutPlanner(new FanoutSettings(1_000, 5_000, 4));
        qt().forAll(Gens.listsOf(longs().between(1, 30).zip(longs().between(-20_000, 1_000), Follower::new), 0, 40))
                .checkAssert(drawn -> {
                    List<Follower> followers = drawn.stream()
                            .map(f -> new Follower(f.userId(), NOW + f.lastActiveAtMillis())).toList();

                    FanoutPlan plan = planner.plan(planner.publish(1, 99, followers.size()), followers, NOW);

                    long distinct = followers.stream().map(Follower::userId).distinct().count();
                    assertThat(plan.recipients()).doesNotHaveDuplicates();
                    assertThat(plan.recipients().size() + plan.skippedInactive()).isEqualTo((int) distinct);
                    Set<Long> decided = new HashSet<>();
                    for (Follower follower : followers) {
                        if (decided.add(follower.userId())) { // a follower listed twice is decided by its first listing
                            assertThat(plan.recipients().contains(follower.userId()))
                                    .isEqualTo(planner.isActive(follower.lastActiveAtMillis(), NOW));
                        }
                    }
                });
    }

    @Test
    void aFollowerSkippedAtFanoutRebuildsAtAnyLaterRead() {
        FanoutPlanner planner = new FanoutPlanner(new FanoutSettings(1_000, 5_000, 4));
        qt().forAll(longs().between(-50_000, 50_000), longs().between(0, 50_000), longs().between(0, 50_000))
                .checkAssert((lastActive, fanoutAfter, readAfter) -> {
                    long fanoutAt = NOW + fanoutAfter;
                    long readAt = fanoutAt + readAfter;
                    if (!planner.isActive(NOW + lastActive, fanoutAt)) {
                        assertThat(planner.feedNeedsRebuild(NOW + lastActive, readAt)).isTrue();
                    }
                });
    }
}
