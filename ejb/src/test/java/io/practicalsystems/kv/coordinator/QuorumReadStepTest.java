package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuorumReadStepTest extends CoordinatorFixture {

    private final QuorumReadStep<Set<String>> step = new QuorumReadStep<>(replicas);

    @Test
    void completesAtRAnswersAndSettlesWhenTheSlowReplicaAnswers() {
        replicas.store(preferred(0), KEY, Siblings.of("v1")).store(preferred(2), KEY, Siblings.of("v0"));
        replicas.mode(preferred(2), Mode.HELD);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(round.quorum().join()).containsExactly(NodeResponse.of(preferred(0), Siblings.of("v1")),
                NodeResponse.missing(preferred(1)));
        assertThat(round.settled()).isNotDone();
        replicas.release(preferred(2));
        assertThat(round.settled().join()).hasSize(3).contains(NodeResponse.of(preferred(2), Siblings.of("v0")));
    }

    @Test
    void notFoundIsAnAnswerButAFailureIsNot() {
        replicas.mode(preferred(1), Mode.DOWN).mode(preferred(2), Mode.DOWN);

        ReadRound<Set<String>> round = step.read(KEY, walk.subList(0, 3), 2);

        assertThat(failure(round.quorum())).isInstanceOf(QuorumNotReachedException.class)
                .hasMessage("read quorum not reached: 1 of 3 replicas answered, 2 needed (failed: " + preferred(1)
                        + ", " + preferred(2) + ")");
        assertThat(round.settled().join()).containsExactly(NodeResponse.missing(preferred(0)));
    }

    @Test
    void tooFewReplicasSendsNothingAndSettlesEmpty() {
        ReadRound<Set<String>> round = step.read(KEY, List.of(preferred(0)), 2);

        assertThat(round.quorum()).isCompletedExceptionally();
        assertThat(round.settled().join()).isEmpty();
        assertThat(replicas.gets()).isEmpty();
    }
}
