package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import io.practicalsystems.kv.ring.NodeId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A read that asks R replicas and one more on a failure or after the speculative delay. */
class QuorumFanoutReadTest extends CoordinatorFixture {

    private static final Duration DELAY = Duration.ofMillis(50);

    /** Delays that run only when the test says the time has come. */
    private final List<Runnable> pending = new ArrayList<>();
    private final List<Duration> requested = new ArrayList<>();
    private int cancelled;
    private final Delays delays = (delay, task) -> {
        requested.add(delay);
        pending.add(task);
        return () -> {
            if (pending.remove(task)) {
                cancelled++;
            }
        };
    };
    private final QuorumReadStep<Set<String>> step = new QuorumReadStep<>(replicas, ReadFanout.quorum(DELAY), delays);

    @Test
    void asksOnlyRReplicasInTheOrderGivenAndSettlesWithoutTheThird() {
        replicas.store(preferred(0), KEY, Siblings.of("v1")).store(preferred(2), KEY, Siblings.of("v0"));

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(round.quorum().join()).containsExactly(NodeResponse.of(preferred(0), Siblings.of("v1")),
                NodeResponse.missing(preferred(1)));
        assertThat(round.settled().join()).hasSize(2);
        assertThat(replicas.gets()).containsExactly(preferred(0), preferred(1));
        assertThat(pending).as("no speculative ask left behind").isEmpty();
    }

    @Test
    void aFailedReplicaIsReplacedByTheNextAtOnce() {
        replicas.mode(preferred(1), Mode.DOWN);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(round.quorum().join()).extracting(NodeResponse::node).containsExactly(preferred(0), preferred(2));
        assertThat(replicas.gets()).containsExactly(preferred(0), preferred(1), preferred(2));
        assertThat(requested).as("nothing to wait for: the quorum came at once").isEmpty();
    }

    @Test
    void aSlowReplicaMakesTheReadAskOneMoreAfterTheDelay() {
        replicas.mode(preferred(1), Mode.HELD);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(round.quorum()).isNotDone();
        assertThat(replicas.gets()).containsExactly(preferred(0), preferred(1));
        assertThat(requested).containsExactly(DELAY);
        pending.remove(0).run(); // the delay passes

        assertThat(round.quorum().join()).extracting(NodeResponse::node).containsExactly(preferred(0), preferred(2));
        assertThat(round.settled()).as("read repair waits for the slow replica").isNotDone();
        replicas.release(preferred(1));
        assertThat(round.settled().join()).extracting(NodeResponse::node)
                .containsExactlyInAnyOrder(preferred(0), preferred(1), preferred(2));
    }

    @Test
    void aQuorumBeforeTheDelayCallsTheSpeculativeAskOff() {
        replicas.mode(preferred(1), Mode.HELD);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);
        replicas.release(preferred(1));

        assertThat(round.quorum().join()).hasSize(2);
        assertThat(cancelled).isEqualTo(1);
        assertThat(pending).isEmpty();
        assertThat(replicas.gets()).hasSize(2);
    }

    @Test
    void twoFailuresOfThreeFailTheQuorumAndTheThirdIsNotAskedAfterThat() {
        replicas.mode(preferred(0), Mode.DOWN).mode(preferred(1), Mode.DOWN);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(failure(round.quorum())).isInstanceOf(QuorumNotReachedException.class)
                .hasMessage("read quorum not reached: 0 of 3 replicas answered, 2 needed (failed: " + preferred(0)
                        + ", " + preferred(1) + ")");
        assertThat(replicas.gets()).containsExactly(preferred(0), preferred(1));
        assertThat(round.settled().join()).isEmpty();
    }

    @Test
    void aQuorumThatFailedCallsTheSpeculativeAskOff() {
        replicas.mode(preferred(0), Mode.HELD).mode(preferred(1), Mode.HELD).mode(preferred(2), Mode.DOWN);
        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);
        assertThat(pending).hasSize(1);

        replicas.fail(preferred(0)); // the third is asked in its place, and is down

        assertThat(round.quorum()).isCompletedExceptionally();
        assertThat(pending).as("called off with the quorum's failure").isEmpty();
        assertThat(replicas.gets()).containsExactly(preferred(0), preferred(1), preferred(2));
        assertThat(round.settled()).as("the second is still out").isNotDone();
        replicas.release(preferred(1));
        assertThat(round.settled().join()).extracting(NodeResponse::node).containsExactly(preferred(1));
    }

    @Test
    void theCoordinatorAsksItsOwnCopyFirst() {
        NodeId self = preferred(2);
        replicas.store(self, KEY, Siblings.of("mine"));
        Coordinator<Set<String>> coordinator = new Coordinator<>(() -> ring,
                new QuorumConfig(3, 2, 2, QuorumMode.STRICT), replicas::isUp, replicas, new Siblings(),
                report -> { }, new ReadPlan(ReadFanout.quorum(DELAY), Optional.of(self), delays));

        ReadResult<Set<String>> result = coordinator.get(KEY, RequestOverrides.none()).join();

        assertThat(replicas.gets()).containsExactly(self, preferred(0));
        assertThat(result.answeredBy()).containsExactly(self, preferred(0));
        assertThat(result.value()).contains(Siblings.of("mine"));
    }

    @Test
    void aReadAsksItsOwnCopyThenTheReplicasSeenUpThenTheRest() {
        NodeId self = preferred(2);
        ReadPlan plan = new ReadPlan(ReadFanout.quorum(DELAY), Optional.of(self), delays);
        List<NodeId> preference = walk.subList(0, 3);

        assertThat(plan.order(preference, node -> true)).containsExactly(self, preferred(0), preferred(1));
        assertThat(plan.order(preference, node -> !node.equals(preferred(0))))
                .containsExactly(self, preferred(1), preferred(0));
        assertThat(plan.order(preference, node -> false)).as("its own copy first even if it thinks itself down")
                .containsExactly(self, preferred(0), preferred(1));
        assertThat(plan.order(walk.subList(3, 5), node -> true)).as("not a replica: the preference order")
                .containsExactly(preferred(3), preferred(4));
    }

    @Test
    void parsesTheConfigurationsForms() {
        assertThat(ReadFanout.parse(" ALL ", DELAY)).isEqualTo(ReadFanout.ALL);
        assertThat(ReadFanout.parse("quorum", DELAY)).isEqualTo(ReadFanout.quorum(DELAY));
        assertThatThrownBy(() -> ReadFanout.parse("some", DELAY)).hasMessage(
                "read fan-out must be 'all' or 'quorum', got 'some'");
        assertThatThrownBy(() -> ReadFanout.parse("quorum", Duration.ZERO))
                .hasMessageContaining("must be positive");
    }
}
