package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconcileStepTest {

    private static final NodeId A = NodeId.of("a");
    private static final NodeId B = NodeId.of("b");
    private static final NodeId C = NodeId.of("c");

    /** Last-write-wins by stamp: the simplest reconciler, where "stale" just means "older". */
    record Stamped(long stamp, String value) {
    }

    static final class LastWriteWins implements Reconciler<Stamped> {
        @Override
        public Stamped merge(List<Stamped> values) {
            return values.stream().max((x, y) -> Long.compare(x.stamp(), y.stamp())).orElseThrow();
        }

        @Override
        public boolean covers(Stamped replicaValue, Stamped merged) {
            return replicaValue.stamp() >= merged.stamp();
        }
    }

    @Test
    void nobodyHasTheKey() {
        Reconciliation<Stamped> result = new ReconcileStep<>(new LastWriteWins())
                .reconcile(List.of(NodeResponse.missing(A), NodeResponse.missing(B)));

        assertThat(result.value()).isEmpty();
        assertThat(result.repairs()).isEmpty();
    }

    @Test
    void olderAndMissingReplicasAreStaleTheNewestIsNot() {
        Stamped newest = new Stamped(2, "new");
        List<NodeResponse<Stamped>> answers = List.of(NodeResponse.of(A, new Stamped(1, "old")),
                NodeResponse.of(B, newest), NodeResponse.missing(C));

        Reconciliation<Stamped> result = new ReconcileStep<>(new LastWriteWins()).reconcile(answers);

        assertThat(result.value()).contains(newest);
        assertThat(result.repairs()).containsExactly(new Repair<>(A, newest), new Repair<>(C, newest));
        assertThat(result.staleNodes()).containsExactly(A, C);
    }

    @Test
    void concurrentValuesAreMergedAndEachHolderReceivesTheOther() {
        List<NodeResponse<Set<String>>> answers = List.of(NodeResponse.of(A, Siblings.of("x")),
                NodeResponse.of(B, Siblings.of("y")), NodeResponse.of(C, Siblings.of("x", "y")));

        ReconcileStep<Set<String>> step = new ReconcileStep<>(new Siblings());

        assertThat(step.reconcile(answers).value()).contains(Siblings.of("x", "y"));
        assertThat(step.getRepairs(answers)).containsExactly(new Repair<>(A, Siblings.of("x", "y")),
                new Repair<>(B, Siblings.of("x", "y")));
    }

    @Test
    void allUpToDateNeedsNoRepair() {
        List<NodeResponse<Set<String>>> answers = List.of(NodeResponse.of(A, Siblings.of("x")),
                NodeResponse.of(B, Siblings.of("x")));

        assertThat(new ReconcileStep<>(new Siblings()).getRepairs(answers)).isEmpty();
    }
}
