package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.assertEveryKeyOnExactlyItsReplicas;
import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static io.practicalsystems.kv.node.Scenarios.writeKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Ring changes: ranges move to joining nodes and away from leaving ones, and nothing is dropped early. On the
 * simulated cluster, with the other mechanisms switched off where they would hide the one shown.
 */
class RingChangeScenarioTest {

    @Test
    void aJoiningNodeReceivesItsRangesAndFormerReplicasDropThem() {
        SimCluster cluster = new SimCluster(16, 4, 8, SimConfigs.only(QuorumMode.STRICT, false, false, true, true),
                10);
        List<String> keys = writeKeys(cluster, 60);
        NodeId newcomer = NodeId.of("n5");

        cluster.join(newcomer);
        settle(cluster, 3_000);

        assertEveryKeyOnExactlyItsReplicas(cluster, keys);
        assertThat(cluster.store(newcomer).keyCount()).isPositive();
        assertThat(cluster.members().stream().mapToLong(n -> cluster.node(n).counters()
                .get(NodeCounters.RANGE_MOVES_DONE)).sum()).isPositive();
        for (String key : keys) {
            assertThat(values(cluster.await(cluster.get(newcomer, key)))).containsExactly("value of " + key);
        }
    }

    @Test
    void aLeavingNodeHandsItsRangesOverBeforeDroppingThem() {
        SimCluster cluster = new SimCluster(17, 5, 8, SimConfigs.only(QuorumMode.STRICT, false, false, true, true),
                10);
        List<String> keys = writeKeys(cluster, 60);
        NodeId leaving = NodeId.of("n2");
        long held = cluster.store(leaving).keyCount();
        assertThat(held).isPositive();

        cluster.leave(leaving);
        settle(cluster, 3_000);

        assertThat(cluster.store(leaving).keyCount()).isZero();
        assertEveryKeyOnExactlyItsReplicas(cluster, keys);
        assertThat(cluster.node(leaving).counters().get(NodeCounters.KEYS_HANDED_OFF)).isEqualTo(held);
    }

    @Test
    void aLeavingNodeKeepsItsKeysWhileANewReplicaIsUnreachable() {
        SimCluster cluster = new SimCluster(18, 5, 8, SimConfigs.only(QuorumMode.STRICT, false, false, true, true),
                10);
        List<String> keys = writeKeys(cluster, 60);
        NodeId leaving = NodeId.of("n2");
        NodeId unreachable = NodeId.of("n4");
        cluster.cut(leaving, unreachable);
        cluster.leave(leaving);
        settle(cluster, 2_000);

        // Keys whose new replicas include n4 must still be on n2: it cannot have handed them over.
        List<String> stuck = keys.stream().filter(k -> cluster.replicasOf(k).contains(unreachable)
                && cluster.stored(leaving, k).isPresent()).toList();
        assertThat(stuck).isNotEmpty();

        cluster.network().heal();
        settle(cluster, 2_000);
        assertThat(cluster.store(leaving).keyCount()).isZero();
        assertEveryKeyOnExactlyItsReplicas(cluster, keys);
    }
}
