package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.KEY;
import static io.practicalsystems.kv.node.Scenarios.settle;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hinted handoff under sloppy quorum: hints are kept, delivered, survive the stand-in's crash, and are discarded for
 * nodes that left. On the simulated cluster, with the other mechanisms switched off where they would hide the one
 * shown.
 */
class HintedHandoffScenarioTest {

    @Test
    void sloppyWriteWithAReplicaDownIsKeptAsAHintAndHandedOverWhenItReturns() {
        SimCluster cluster = new SimCluster(11, 5, 8, SimConfigs.only(QuorumMode.SLOPPY, true, false, false, true), 10);
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId down = replicas.get(2);
        cluster.crash(down);
        settle(cluster, 30);

        ClientWriteResult written = cluster.await(cluster.put(replicas.get(0), KEY, CausalContext.empty(), "v1"));
        settle(cluster, 30); // let the stand-in's acknowledgement arrive too

        assertThat(written.usedHints()).isTrue();
        NodeId standIn = cluster.members().stream()
                .filter(n -> !replicas.contains(n) && cluster.stored(n, KEY).isPresent()).findFirst().orElseThrow();
        assertThat(cluster.node(standIn).status().hintsByTarget()).containsEntry(down, 1);
        assertThat(cluster.stored(down, KEY)).isEmpty();

        cluster.boot(down);
        settle(cluster, 100);

        assertThat(cluster.stored(down, KEY)).hasValueSatisfying(copy -> assertThat(copy.liveValues())
                .containsExactly(Blob.ofUtf8("v1")));
        assertThat(cluster.node(standIn).status().hintsQueued()).isZero();
        assertThat(cluster.node(standIn).counters().get(NodeCounters.HINTS_DELIVERED)).isEqualTo(1);

        settle(cluster, 400); // a hand-off sweep: every replica has the key, so the stand-in drops its copy
        assertThat(cluster.stored(standIn, KEY)).isEmpty();
    }

    @Test
    void withNoStandInAvailableTheCoordinatorKeepsTheHintForTheDownReplicaAndDeliversIt() {
        // Three nodes, N=3: every node is a replica of every key, so sloppy quorum has nobody to stand in.
        SimCluster cluster = new SimCluster(13, 3, 8,
                SimConfigs.only(QuorumMode.SLOPPY, true, false, false, false), 10);
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId coordinator = replicas.get(0);
        NodeId down = replicas.get(2);
        cluster.crash(down);
        settle(cluster, 30);

        ClientWriteResult written = cluster.await(cluster.put(coordinator, KEY, CausalContext.empty(), "v1"));
        settle(cluster, 5_000); // past the transport's timeout for the call to the down node

        assertThat(written.acknowledgedBy()).hasSize(2).doesNotContain(down);
        assertThat(cluster.node(coordinator).status().hintsByTarget()).containsEntry(down, 1);
        assertThat(cluster.stored(down, KEY)).isEmpty();

        cluster.boot(down);
        settle(cluster, 200);

        assertThat(cluster.stored(down, KEY)).hasValueSatisfying(copy -> assertThat(copy.liveValues())
                .containsExactly(Blob.ofUtf8("v1")));
        assertThat(cluster.node(coordinator).status().hintsQueued()).isZero();
    }

    @Test
    void hintsSurviveTheStandInsCrashBecauseItsStoredCopyIsHandedOffAfterRestart() {
        SimCluster cluster = new SimCluster(12, 5, 8, SimConfigs.only(QuorumMode.SLOPPY, true, false, false, true), 10);
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId down = replicas.get(2);
        cluster.crash(down);
        settle(cluster, 30);
        cluster.await(cluster.put(replicas.get(0), KEY, CausalContext.empty(), "v1"));
        settle(cluster, 30);
        NodeId standIn = cluster.members().stream()
                .filter(n -> !replicas.contains(n) && cluster.stored(n, KEY).isPresent()).findFirst().orElseThrow();

        cluster.crash(standIn); // its hint queue is gone
        cluster.boot(down);
        settle(cluster, 1_000);
        assertThat(cluster.stored(down, KEY)).as("nothing else delivers it (anti-entropy is off)").isEmpty();

        cluster.boot(standIn);
        settle(cluster, 500);
        assertThat(cluster.stored(down, KEY)).hasValueSatisfying(copy -> assertThat(copy.liveValues())
                .containsExactly(Blob.ofUtf8("v1")));
        assertThat(cluster.stored(standIn, KEY)).isEmpty();
    }

    @Test
    void hintsForANodeThatLeftTheRingAreDiscardedAndTheCopyGoesToTheNewReplicas() {
        SimCluster cluster = new SimCluster(27, 5, 8, SimConfigs.only(QuorumMode.SLOPPY, true, false, false, true), 10);
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId gone = replicas.get(2);
        cluster.crash(gone);
        settle(cluster, 30);
        cluster.await(cluster.put(replicas.get(0), KEY, CausalContext.empty(), "v1"));
        settle(cluster, 30);
        NodeId standIn = cluster.members().stream()
                .filter(n -> !replicas.contains(n) && cluster.stored(n, KEY).isPresent()).findFirst().orElseThrow();

        cluster.leave(gone);
        settle(cluster, 500);

        assertThat(cluster.node(standIn).status().hintsQueued()).isZero();
        assertThat(cluster.node(standIn).counters().get(NodeCounters.HINTS_DISCARDED)).isEqualTo(1);
        for (NodeId replica : cluster.replicasOf(KEY)) {
            assertThat(cluster.stored(replica, KEY)).as("on new replica %s", replica).isPresent();
        }
    }
}
