package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.FakeReplicas.Mode;
import io.practicalsystems.kv.coordinator.FakeReplicas.PutCall;
import io.practicalsystems.kv.ring.Placement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReadRepairStepTest extends CoordinatorFixture {

    private final ReadRepairStep<Set<String>> step = new ReadRepairStep<>(replicas);
    private final ReconcileStep<Set<String>> reconcile = new ReconcileStep<>(new Siblings());

    @Test
    void sendsTheMergedValueToExactlyTheStaleReplicas() {
        List<NodeResponse<Set<String>>> answers = List.of(NodeResponse.of(preferred(0), Siblings.of("v1", "v2")),
                NodeResponse.of(preferred(1), Siblings.of("v1")), NodeResponse.missing(preferred(2)));

        RepairReport report = step.repair(KEY, reconcile.getRepairs(answers)).join();

        assertThat(replicas.puts()).containsExactly(
                new PutCall<>(preferred(1), KEY, Siblings.of("v1", "v2"), Optional.empty()),
                new PutCall<>(preferred(2), KEY, Siblings.of("v1", "v2"), Optional.empty()));
        assertThat(report.repaired()).containsExactly(preferred(1), preferred(2));
        assertThat(report.failed()).isEmpty();
    }

    @Test
    void aFailedRepairIsReportedNotThrown() {
        replicas.mode(preferred(1), Mode.DOWN);
        List<Repair<Set<String>>> repairs = List.of(new Repair<>(preferred(1), Siblings.of("v2")),
                new Repair<>(preferred(2), Siblings.of("v2")));

        RepairReport report = step.repair(KEY, repairs).join();

        assertThat(report.repaired()).containsExactly(preferred(2));
        assertThat(report.failed()).containsExactly(preferred(1));
    }

    @Test
    void doesNotWaitForSlowReplicasToReturn() {
        replicas.mode(preferred(1), Mode.HELD);

        var report = step.repair(KEY, List.of(new Repair<>(preferred(1), Siblings.of("v2"))));

        assertThat(replicas.puts()).hasSize(1); // sent; whoever started it need not wait
        assertThat(report).isNotDone();
        replicas.fail(preferred(1));
        assertThat(report.join().failed()).containsExactly(preferred(1));
    }

    @Test
    void aStaleStandInIsRepairedAsAStandIn() {
        List<Placement> placements = List.of(Placement.preferred(preferred(0)),
                Placement.standIn(preferred(3), preferred(1)));

        step.repair(KEY, List.of(new Repair<>(preferred(3), Siblings.of("v2"))), placements).join();

        assertThat(replicas.puts()).extracting(PutCall::hintFor).containsExactly(Optional.of(preferred(1)));
    }
}
