package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaSetsTest {

    static final QuorumConfig THREE = new QuorumConfig(3, 2, 2, QuorumMode.STRICT);

    @Test
    void aRingSmallerThanNCapsNRAndW() {
        HashRing two = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b")), 8);
        HashRing one = HashRing.of(List.of(NodeId.of("a")), 8);

        assertThat(ReplicaSets.effective(THREE, two)).isEqualTo(new QuorumConfig(2, 2, 2, QuorumMode.STRICT));
        assertThat(ReplicaSets.effective(THREE, one)).isEqualTo(new QuorumConfig(1, 1, 1, QuorumMode.STRICT));
    }

    @Test
    void aRingOfAtLeastNNodesKeepsTheConfiguredQuorum() {
        HashRing five = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"), NodeId.of("d"),
                NodeId.of("e")), 8);
        assertThat(ReplicaSets.effective(THREE, five)).isSameAs(THREE);
    }

    @Test
    void aNodeOutsideTheRingReplicatesNothingAndPeersExcludeSelf() {
        HashRing ring = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"), NodeId.of("d")), 4);
        assertThat(ReplicaSets.replicatedBy(ring, NodeId.of("zz"), 3)).isEmpty();
        var range = ReplicaSets.replicatedBy(ring, NodeId.of("a"), 3).get(0);
        assertThat(ReplicaSets.peersOf(ring, range, NodeId.of("a"), 3)).hasSize(2).doesNotContain(NodeId.of("a"));
    }
}
