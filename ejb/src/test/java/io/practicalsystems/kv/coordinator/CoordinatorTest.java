package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import io.practicalsystems.kv.coordinator.FakeReplicas.PutCall;
import io.practicalsystems.kv.ring.Placement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoordinatorTest extends CoordinatorFixture {

    private final List<RepairReport> repairs = new ArrayList<>();

    private Coordinator<Set<String>> coordinator(QuorumMode mode) {
        return new Coordinator<>(() -> ring, new QuorumConfig(3, 2, 2, mode), replicas::isUp, replicas,
                new Siblings(), repairs::add);
    }

    @Test
    void strictWriteSucceedsWithOneOfThreeDown() {
        replicas.mode(preferred(1), Mode.DOWN);

        WriteResult result = coordinator(QuorumMode.STRICT).put(KEY, Siblings.of("v1"), RequestOverrides.none())
                .join();

        assertThat(result.acknowledgedBy()).containsExactly(preferred(0), preferred(2));
        assertThat(result.usedHints()).isFalse();
    }

    @Test
    void strictWriteWithTwoDownIsA503WithCounts() {
        replicas.mode(preferred(1), Mode.DOWN).mode(preferred(2), Mode.DOWN);

        Throwable failure = failure(coordinator(QuorumMode.STRICT).put(KEY, Siblings.of("v1"),
                RequestOverrides.none()));

        assertThat(failure).isInstanceOfSatisfying(QuorumNotReachedException.class, e -> {
            assertThat(e.answered()).isEqualTo(1);
            assertThat(e.needed()).isEqualTo(2);
        });
    }

    @Test
    void perRequestWOverridesTheCluster() {
        replicas.mode(preferred(2), Mode.DOWN);
        Coordinator<Set<String>> coordinator = coordinator(QuorumMode.STRICT);

        assertThat(failure(coordinator.put(KEY, Siblings.of("v1"), RequestOverrides.w(3))))
                .hasMessageStartingWith("write quorum not reached: 2 of 3 replicas answered, 3 needed");
        assertThat(coordinator.put(KEY, Siblings.of("v2"), RequestOverrides.w(1))).isCompleted();
        assertThatThrownBy(() -> coordinator.put(KEY, Siblings.of("v3"), RequestOverrides.w(4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sloppyWriteLeavesAHintOnAStandInThatIsDeliveredWhenTheNodeReturns() {
        replicas.mode(preferred(1), Mode.DOWN);

        WriteResult result = coordinator(QuorumMode.SLOPPY).put(KEY, Siblings.of("v1"),
                RequestOverrides.none()).join();

        assertThat(result.placements()).contains(Placement.standIn(preferred(3), preferred(1)));
        assertThat(replicas.puts()).contains(new PutCall<>(preferred(3), KEY, Siblings.of("v1"),
                Optional.of(preferred(1))));
        assertThat(replicas.stored(preferred(3), KEY)).isEmpty(); // kept as a hint, not as the stand-in's own copy
        HintedHandoffQueue<Set<String>> hints = replicas.hintsHeldBy(preferred(3));
        assertThat(hints.targets()).containsExactly(preferred(1));

        replicas.mode(preferred(1), Mode.UP);
        DrainResult drained = hints.drainTo(replicas, preferred(1)).join();

        assertThat(drained.delivered()).isEqualTo(1);
        assertThat(replicas.stored(preferred(1), KEY)).contains(Siblings.of("v1"));
        assertThat(hints.targets()).isEmpty();
    }

    @Test
    void sloppyWriteWithTooFewHealthyNodesFails() {
        walk.subList(1, 5).forEach(node -> replicas.mode(node, Mode.DOWN));

        Throwable failure = failure(coordinator(QuorumMode.SLOPPY).put(KEY, Siblings.of("v1"),
                RequestOverrides.none()));

        // no stand-ins left: the down preferred nodes are tried anyway (and fail), so the answer names them
        assertThat(failure).hasMessage(
                "write quorum not reached: 1 of 3 replicas answered, 2 needed (failed: node-3, node-4)");
    }

    @Test
    void readReturnsTheReconciledQuorumAndRepairsStaleReplicasOnceAllAnswered() {
        replicas.store(preferred(0), KEY, Siblings.of("v1", "v2")).store(preferred(1), KEY, Siblings.of("v1"))
                .store(preferred(2), KEY, Siblings.of("v1", "v2"));
        replicas.mode(preferred(2), Mode.HELD);

        CompletableFuture<ReadResult<Set<String>>> read = coordinator(QuorumMode.STRICT).get(KEY,
                RequestOverrides.none());

        assertThat(read.join()).isEqualTo(new ReadResult<>(Optional.of(Siblings.of("v1", "v2")),
                List.of(preferred(0), preferred(1))));
        assertThat(replicas.puts()).isEmpty(); // repair waits for the slow replica's answer
        replicas.release(preferred(2));

        assertThat(replicas.puts()).containsExactly(new PutCall<>(preferred(1), KEY, Siblings.of("v1", "v2"),
                Optional.empty()));
        assertThat(replicas.stored(preferred(1), KEY)).contains(Siblings.of("v1", "v2"));
        assertThat(repairs).containsExactly(new RepairReport(List.of(preferred(1)), List.of()));
    }

    @Test
    void aLateStaleReplicaIsRepairedToo() {
        replicas.store(preferred(0), KEY, Siblings.of("v2")).store(preferred(1), KEY, Siblings.of("v2"));
        replicas.mode(preferred(2), Mode.HELD);

        ReadResult<Set<String>> result = coordinator(QuorumMode.STRICT).get(KEY, RequestOverrides.none())
                .join();
        replicas.mode(preferred(2), Mode.UP); // so the repair it is about to receive goes through at once
        replicas.release(preferred(2)); // answers "missing", after the client already has its answer

        assertThat(result.value()).contains(Siblings.of("v2"));
        assertThat(repairs).containsExactly(new RepairReport(List.of(preferred(2)), List.of()));
    }

    @Test
    void readQuorumNotReachedSaysHowManyAnswered() {
        replicas.mode(preferred(1), Mode.DOWN).mode(preferred(2), Mode.DOWN);

        Throwable failure = failure(coordinator(QuorumMode.STRICT).get(KEY, RequestOverrides.none()));

        assertThat(failure).isInstanceOf(QuorumNotReachedException.class)
                .hasMessageStartingWith("read quorum not reached: 1 of 3 replicas answered, 2 needed");
    }

    @Test
    void readOfAnUnknownKeyIsEmptyAndRepairsNothing() {
        ReadResult<Set<String>> result = coordinator(QuorumMode.STRICT).get(KEY, RequestOverrides.r(3))
                .join();

        assertThat(result.value()).isEmpty();
        assertThat(result.answeredBy()).hasSize(3);
        assertThat(repairs).containsExactly(new RepairReport(List.of(), List.of()));
    }
}
