package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import io.practicalsystems.kv.ring.NodeId;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class HintedHandoffQueueTest {

    private static final NodeId TARGET = NodeId.of("node-2");
    private static final NodeId OTHER = NodeId.of("node-4");

    private final FakeReplicas<Set<String>> replicas = new FakeReplicas<>(Siblings::union);
    private final HintedHandoffQueue<Set<String>> queue = new HintedHandoffQueue<>(3);

    private static Hint<Set<String>> hint(NodeId target, String key, String write) {
        return new Hint<>(target, key, Siblings.of(write));
    }

    @Test
    void hintsAreDeliveredOldestFirstWhenTheNodeIsBack() {
        queue.add(hint(TARGET, "k1", "a"));
        queue.add(hint(TARGET, "k2", "b"));
        queue.add(hint(OTHER, "k3", "c"));

        DrainResult result = queue.drainTo(replicas, TARGET).join();

        assertThat(result).isEqualTo(new DrainResult(TARGET, 2, 0));
        assertThat(result.complete()).isTrue();
        assertThat(replicas.puts()).extracting(FakeReplicas.PutCall::key).containsExactly("k1", "k2");
        assertThat(replicas.puts()).allMatch(put -> put.node().equals(TARGET) && put.hintFor().isEmpty());
        assertThat(replicas.stored(TARGET, "k2")).contains(Siblings.of("b"));
        assertThat(queue.size(TARGET)).isZero();
        assertThat(queue.targets()).containsExactly(OTHER);
    }

    @Test
    void aFailedDeliveryStopsTheDrainAndKeepsTheRestInOrderAheadOfNewerHints() {
        replicas.mode(TARGET, Mode.HELD);
        queue.add(hint(TARGET, "k1", "a"));
        queue.add(hint(TARGET, "k2", "b"));
        CompletableFuture<DrainResult> drain = queue.drainTo(replicas, TARGET);

        replicas.release(TARGET); // k1 delivered
        queue.add(hint(TARGET, "k3", "c")); // arrives during the drain
        replicas.fail(TARGET); // k2 fails: the node went away again

        assertThat(drain.join()).isEqualTo(new DrainResult(TARGET, 1, 1));
        assertThat(queue.hintsFor(TARGET)).containsExactly(hint(TARGET, "k2", "b"), hint(TARGET, "k3", "c"));
        assertThat(replicas.puts()).hasSize(2); // k3 was not attempted
    }

    @Test
    void aFullQueueDropsTheOldestHintAndCountsIt() {
        assertThat(queue.add(hint(TARGET, "k1", "a"))).isTrue();
        queue.add(hint(TARGET, "k2", "b"));
        queue.add(hint(TARGET, "k3", "c"));

        assertThat(queue.add(hint(TARGET, "k4", "d"))).isFalse();

        assertThat(queue.hintsFor(TARGET)).extracting(Hint::key)
                .containsExactly("k2", "k3", "k4");
        assertThat(queue.dropped(TARGET)).isEqualTo(1);
        assertThat(queue.dropped(OTHER)).isZero();
    }

    @Test
    void aSecondDrainWhileOneRunsJoinsIt() {
        replicas.mode(TARGET, Mode.HELD);
        queue.add(hint(TARGET, "k1", "a"));

        CompletableFuture<DrainResult> first = queue.drainTo(replicas, TARGET);
        CompletableFuture<DrainResult> second = queue.drainTo(replicas, TARGET);

        assertThat(second).isSameAs(first);
        replicas.release(TARGET);
        assertThat(first.join().delivered()).isEqualTo(1);
        assertThat(replicas.puts()).hasSize(1);
    }

    @Test
    void drainingANodeWithoutHintsDoesNothing() {
        assertThat(queue.drainTo(replicas, TARGET).join()).isEqualTo(new DrainResult(TARGET, 0, 0));
        assertThat(replicas.puts()).isEmpty();
    }

    @Test
    void manyHintsDeliveredSynchronouslyDoNotGrowTheStack() {
        HintedHandoffQueue<Set<String>> big = new HintedHandoffQueue<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            big.add(hint(TARGET, "k" + i, "w" + i));
        }

        assertThat(big.drainTo(replicas, TARGET).join().delivered()).isEqualTo(100_000);
    }

    @Test
    void aQueueHoldsAtLeastOneHint() {
        assertThatThrownBy(() -> new HintedHandoffQueue<>(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
