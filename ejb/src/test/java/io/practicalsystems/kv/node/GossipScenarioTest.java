package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.KEY;
import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static io.practicalsystems.kv.node.Scenarios.writeKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The node on real gossip membership: the phi accrual detector, not the test, decides who is down, and the ring
 * changes when a node joins or leaves by gossip.
 */
class GossipScenarioTest {

    @Test
    void theFailureDetectorTurnsACrashIntoHintsAndARestartIntoTheirDelivery() {
        SimCluster cluster = SimCluster.withGossip(31, 5, 8, SimConfigs.only(QuorumMode.SLOPPY, true, false, false,
                true));
        cluster.awaitMembership(Duration.ofSeconds(5));
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId down = replicas.get(2);

        cluster.crash(down);
        settle(cluster, 1_000); // heartbeats stop; phi rises past the threshold
        ClientWriteResult written = cluster.await(cluster.put(replicas.get(0), KEY, CausalContext.empty(), "v1"));
        settle(cluster, 50);

        assertThat(written.usedHints()).isTrue();
        long queued = cluster.members().stream().filter(cluster::isUp)
                .mapToLong(n -> cluster.node(n).status().hintsByTarget().getOrDefault(down, 0)).sum();
        assertThat(queued).isEqualTo(1);

        cluster.boot(down); // a new generation: alive again everywhere once gossip spreads it
        cluster.awaitMembership(Duration.ofSeconds(5));
        settle(cluster, 200);

        assertThat(cluster.stored(down, KEY)).hasValueSatisfying(copy -> assertThat(copy.liveValues())
                .containsExactly(Blob.ofUtf8("v1")));
    }

    @Test
    void aNodeThatJoinsByGossipReceivesItsRanges() {
        SimCluster cluster = SimCluster.withGossip(32, 4, 8, SimConfigs.only(QuorumMode.STRICT, false, false, true,
                true));
        cluster.awaitMembership(Duration.ofSeconds(5));
        List<String> keys = writeKeys(cluster, 40);
        NodeId newcomer = NodeId.of("n5");

        cluster.join(newcomer); // it knows only the seeds
        cluster.awaitMembership(Duration.ofSeconds(5));
        settle(cluster, 2_000);

        Scenarios.assertEveryKeyOnExactlyItsReplicas(cluster, keys);
        assertThat(cluster.store(newcomer).keyCount()).isPositive();
        assertThat(values(cluster.await(cluster.get(newcomer, keys.get(0))))).containsExactly("value of "
                + keys.get(0));
    }

    @Test
    void aNodeThatLeavesByGossipHandsEverythingOver() {
        SimCluster cluster = SimCluster.withGossip(33, 5, 8, SimConfigs.only(QuorumMode.STRICT, false, false, true,
                true));
        cluster.awaitMembership(Duration.ofSeconds(5));
        List<String> keys = writeKeys(cluster, 40);
        NodeId leaving = NodeId.of("n3");

        assertThat(cluster.leave(leaving)).isTrue();
        cluster.awaitMembership(Duration.ofSeconds(5));
        settle(cluster, 2_000);

        assertThat(cluster.store(leaving).keyCount()).isZero();
        Scenarios.assertEveryKeyOnExactlyItsReplicas(cluster, keys);
    }
}
