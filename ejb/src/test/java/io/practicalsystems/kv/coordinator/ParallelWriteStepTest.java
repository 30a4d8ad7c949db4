package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ParallelWriteStepTest extends CoordinatorFixture {

    private final ParallelWriteStep<Set<String>> step = new ParallelWriteStep<>(replicas);
    private final List<Placement> threePreferred = walk.subList(0, 3).stream().map(Placement::preferred).toList();

    private CompletableFuture<WriteResult> write(List<Placement> placements, int w) {
        return step.write(KEY, Siblings.of("v1"), placements, w);
    }

    @Test
    void reachesWWithOneNodeDown() {
        replicas.mode(preferred(1), Mode.DOWN);

        WriteResult result = write(threePreferred, 2).join();

        assertThat(result.acknowledgedBy()).containsExactly(preferred(0), preferred(2));
        assertThat(replicas.stored(preferred(0), KEY)).contains(Siblings.of("v1"));
        assertThat(replicas.stored(preferred(2), KEY)).contains(Siblings.of("v1"));
    }

    @Test
    void sendsToAllButCompletesAtTheWthAckWhileASlowReplicaIsStillWriting() {
        replicas.mode(preferred(2), Mode.HELD);

        CompletableFuture<WriteResult> result = write(threePreferred, 2);

        assertThat(result).isCompleted();
        assertThat(replicas.puts()).extracting(FakeReplicas.PutCall::node).containsExactlyElementsOf(walk.subList(0, 3));
        assertThat(replicas.held(preferred(2))).isEqualTo(1);
        replicas.release(preferred(2)); // the slow copy still lands
        assertThat(replicas.stored(preferred(2), KEY)).contains(Siblings.of("v1"));
    }

    @Test
    void acksCountInArrivalOrder() {
        walk.subList(0, 3).forEach(node -> replicas.mode(node, Mode.HELD));
        CompletableFuture<WriteResult> result = write(threePreferred, 2);

        replicas.release(preferred(2));
        assertThat(result).isNotDone();
        replicas.release(preferred(0));

        assertThat(result.join().acknowledgedBy()).containsExactly(preferred(2), preferred(0));
    }

    @Test
    void quorumNotReachedReportsHowManyAnswered() {
        replicas.mode(preferred(1), Mode.DOWN).mode(preferred(2), Mode.DOWN);

        Throwable failure = failure(write(threePreferred, 2));

        assertThat(failure).isInstanceOfSatisfying(QuorumNotReachedException.class, e -> {
            assertThat(e.needed()).isEqualTo(2);
            assertThat(e.answered()).isEqualTo(1);
            assertThat(e.contacted()).isEqualTo(3);
            assertThat(e.failedNodes()).containsExactly(preferred(1), preferred(2));
            assertThat(e.getSuppressed()).hasSize(2);
        });
        assertThat(failure).hasMessage("write quorum not reached: 1 of 3 replicas answered, 2 needed (failed: "
                + preferred(1) + ", " + preferred(2) + ")");
    }

    @Test
    void failsAsSoonAsWIsImpossibleWithoutWaitingForSlowReplicas() {
        replicas.mode(preferred(0), Mode.HELD).mode(preferred(1), Mode.DOWN);

        CompletableFuture<WriteResult> result = write(threePreferred, 3);

        assertThat(failure(result)).isInstanceOfSatisfying(QuorumNotReachedException.class,
                e -> assertThat(e.answered()).isZero());
        assertThat(replicas.held(preferred(0))).isEqualTo(1);
    }

    @Test
    void fewerPlacementsThanWSendsNothing() {
        Throwable failure = failure(write(threePreferred.subList(0, 1), 2));

        assertThat(failure).hasMessage("write quorum not reached: 0 of 1 replicas answered, 2 needed (failed: none)");
        assertThat(replicas.puts()).isEmpty();
    }

    @Test
    void aClientThatThrowsCountsAsAFailedReplica() {
        ReplicaClient<Set<String>> throwing = new ReplicaClient<>() {
            @Override
            public CompletableFuture<Void> put(NodeId node, String key, Set<String> value, Optional<NodeId> hintFor) {
                if (node.equals(preferred(0))) {
                    throw new IllegalStateException("no route to " + node);
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<Optional<Set<String>>> get(NodeId node, String key) {
                throw new UnsupportedOperationException();
            }
        };

        WriteResult result = new ParallelWriteStep<>(throwing).write(KEY, Siblings.of("v1"), threePreferred, 2)
                .join();

        assertThat(result.acknowledgedBy()).containsExactly(preferred(1), preferred(2));
    }

    @Test
    void standInsReceiveTheirHintTarget() {
        List<Placement> sloppy = List.of(Placement.preferred(preferred(0)), Placement.preferred(preferred(2)),
                Placement.standIn(preferred(3), preferred(1)));

        WriteResult result = write(sloppy, 2).join();

        assertThat(result.usedHints()).isTrue();
        assertThat(replicas.puts()).extracting(FakeReplicas.PutCall::hintFor)
                .containsExactly(Optional.empty(), Optional.empty(), Optional.of(preferred(1)));
    }
}
