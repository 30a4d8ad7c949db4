package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.MvStoreReplicaStore;
import io.practicalsystems.kv.version.CausalContext;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes on MVStore files: a crash closes a node's file, a restart reopens it, and the node carries on from what the
 * file kept — its own dot counters included — while anti-entropy fills in what it missed.
 */
class MvStoreScenarioTest {

    @TempDir
    Path dir;

    @Test
    void aRestartedNodeResumesFromItsFileAndCatchesUp() {
        SimCluster cluster = new SimCluster(41, 3, 8, SimConfigs.only(QuorumMode.STRICT, false, true, false, false),
                10, node -> MvStoreReplicaStore.open(dir.resolve(node.value() + ".mv.db")));
        NodeId a = NodeId.of("n1");
        NodeId b = NodeId.of("n2");
        ClientWriteResult first = cluster.await(cluster.node(b).put("k", CausalContext.empty(),
                Blob.ofUtf8("before"), RequestOverrides.w(3)));

        cluster.crash(b);
        settle(cluster, 30);
        ClientWriteResult missed = cluster.await(cluster.put(a, "k", first.context(), "while down"));
        cluster.boot(b);
        settle(cluster, 3_000);

        List<String> digests = List.of(a, b, NodeId.of("n3")).stream()
                .map(n -> Arrays.toString(cluster.stored(n, "k").orElseThrow().versionDigest())).distinct().toList();
        assertThat(digests).hasSize(1);
        assertThat(values(cluster.await(cluster.get(b, "k", RequestOverrides.r(3))))).containsExactly("while down");

        // b's own counter came back from its file: its next write is not a reused dot.
        ClientWriteResult again = cluster.await(cluster.node(b).put("k", missed.context(),
                Blob.ofUtf8("after"), RequestOverrides.w(3)));
        assertThat(again.dot()).isNotEqualTo(first.dot());
        assertThat(again.dot().counter()).isGreaterThan(first.dot().counter());
        assertThat(values(cluster.await(cluster.get(a, "k", RequestOverrides.r(3))))).containsExactly("after");
    }
}
