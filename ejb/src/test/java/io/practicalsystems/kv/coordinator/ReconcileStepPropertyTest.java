package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ReconcileStepPropertyTest {

    private final ReconcileStep<Set<String>> step = new ReconcileStep<>(new Siblings());

    /** Applying exactly the repairs brings every replica up to date, and no up-to-date replica is touched. */
    @Test
    void repairsTargetExactlyTheStaleReplicas() {
        qt().forAll(answers()).checkAssert(this::assertRepairsTargetExactlyTheStaleReplicas);
    }

    private void assertRepairsTargetExactlyTheStaleReplicas(List<Optional<Set<String>>> values) {
        List<NodeResponse<Set<String>>> answers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            answers.add(new NodeResponse<>(NodeId.of("n" + i), values.get(i)));
        }

        Reconciliation<Set<String>> result = step.reconcile(answers);

        Set<String> everyWrite = values.stream().flatMap(Optional::stream).reduce(Set.of(), Siblings::union);
        assertThat(result.value()).isEqualTo(everyWrite.isEmpty() ? Optional.empty() : Optional.of(everyWrite));
        for (NodeResponse<Set<String>> answer : answers) {
            Set<String> held = answer.value().orElse(Set.of());
            boolean upToDate = held.containsAll(everyWrite) && (everyWrite.isEmpty() || answer.value().isPresent());
            assertThat(result.staleNodes().contains(answer.node())).as(answer.toString()).isEqualTo(!upToDate);
        }
    }

    /** One to five replicas' answers: not found, or a non-empty set of the writes w1..w4 they hold. */
    private static Gen<List<Optional<Set<String>>>> answers() {
        Gen<Set<String>> value = integers().between(1, 0b1111).map(ReconcileStepPropertyTest::writesIn);
        return Gens.listsOf(value.toOptionals(20), 1, 5);
    }

    private static Set<String> writesIn(int mask) {
        Set<String> writes = new TreeSet<>();
        for (int bit = 0; bit < 4; bit++) {
            if ((mask >>> bit & 1) != 0) {
                writes.add("w" + (bit + 1));
            }
        }
        return writes;
    }
}
