package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PreferenceListStepTest extends CoordinatorFixture {

    private final Set<NodeId> down = new HashSet<>();
    private final AtomicReference<HashRing> currentRing = new AtomicReference<>(ring);
    private final PreferenceListStep step = new PreferenceListStep(currentRing::get, node -> !down.contains(node));

    @Test
    void strictQuorumUsesThePreferredNodesEvenWhenDown() {
        down.add(preferred(1));

        assertThat(step.placements(KEY, new QuorumConfig(3, 2, 2, QuorumMode.STRICT))).containsExactly(
                Placement.preferred(preferred(0)), Placement.preferred(preferred(1)),
                Placement.preferred(preferred(2)));
    }

    @Test
    void sloppyQuorumReplacesADownNodeWithAStandIn() {
        down.add(preferred(1));

        assertThat(step.placements(KEY, new QuorumConfig(3, 2, 2, QuorumMode.SLOPPY))).containsExactly(
                Placement.preferred(preferred(0)), Placement.preferred(preferred(2)),
                Placement.standIn(preferred(3), preferred(1)));
    }

    @Test
    void sloppyQuorumWithNobodyLeftToStandInTriesTheDownNodesAnyway() {
        walk.subList(1, 5).forEach(down::add); // only preferred(0) healthy: no stand-ins for the other two

        assertThat(step.placements(KEY, new QuorumConfig(3, 2, 2, QuorumMode.SLOPPY))).containsExactly(
                Placement.preferred(preferred(0)), Placement.preferred(preferred(1)),
                Placement.preferred(preferred(2)));
    }

    @Test
    void readsTheRingAndHealthPerRequest() {
        QuorumConfig sloppy = new QuorumConfig(3, 2, 2, QuorumMode.SLOPPY);
        step.placements(KEY, sloppy);

        currentRing.set(ring.withoutNode(preferred(0)));

        assertThat(step.placements(KEY, sloppy)).extracting(Placement::node)
                .containsExactly(preferred(1), preferred(2), preferred(3));
    }
}
