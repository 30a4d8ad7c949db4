package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaSetsTest {

    static final QuorumConfig THREE = new QuorumConfig(3, 2, 2, QuorumMode.STRICT);

    @Test
    void aRingSmallerThanNRefusesClientRequests() {
        HashRing two = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b")), 8);

        assertThatThrownBy(() -> ReplicaSets.forRequest(THREE, RequestOverrides.none(), two, "write"))
                .isInstanceOf(RingTooSmallException.class)
                .hasMessage("write quorum not reached: the ring has 2 node(s), fewer than N = 3 replicas"
                        + " (this node may still be joining the cluster)");
        assertThat(ReplicaSets.replicas(THREE, two)).isEqualTo(2);
    }

    @Test
    void aRingOfAtLeastNNodesTakesTheRequestsOverrides() {
        HashRing five = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"), NodeId.of("d"),
                NodeId.of("e")), 8);
        assertThat(ReplicaSets.forRequest(THREE, RequestOverrides.w(3), five, "write"))
                .isEqualTo(new QuorumConfig(3, 2, 3, QuorumMode.STRICT));
        assertThatThrownBy(() -> ReplicaSets.forRequest(THREE, RequestOverrides.r(4), five, "read"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeOutsideTheRingReplicatesNothingAndPeersExcludeSelf() {
        HashRing ring = HashRing.of(List.of(NodeId.of("a"), NodeId.of("b"), NodeId.of("c"), NodeId.of("d")), 4);
        assertThat(ReplicaSets.replicatedBy(ring, NodeId.of("zz"), 3)).isEmpty();
        var range = ReplicaSets.replicatedBy(ring, NodeId.of("a"), 3).get(0);
        assertThat(ReplicaSets.peersOf(ring, range, NodeId.of("a"), 3)).hasSize(2).doesNotContain(NodeId.of("a"));
    }
}
