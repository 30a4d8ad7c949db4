package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ReconcileStepPropertyTest {

    private final ReconcileStep<Set<String>> step = new ReconcileStep<>(new Siblings());

    /** Applying exactly the repairs brings every replica up to date, and no up-to-date replica is touched. */
    @Property
    void repairsTargetExactlyTheStaleReplicas(@ForAll("answers") List<Optional<Set<String>>> values) {
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

    @Provide
    Arbitrary<List<Optional<Set<String>>>> answers() {
        Arbitrary<Set<String>> value = Arbitraries.of("w1", "w2", "w3", "w4").set().ofMinSize(1);
        return value.optional().list().ofMinSize(1).ofMaxSize(5);
    }
}
