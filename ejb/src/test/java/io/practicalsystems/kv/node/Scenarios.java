package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shared steps of the scenario tests. */
final class Scenarios {

    static final String KEY = "scenario-key";

    private Scenarios() {
    }

    static List<String> values(ClientReadResult read) {
        return read.values().stream().map(Blob::utf8).sorted().toList();
    }

    static void settle(SimCluster cluster, long millis) {
        cluster.runFor(Duration.ofMillis(millis));
    }

    /** A node that is not one of the key's replicas. */
    static NodeId nonReplica(SimCluster cluster, String key) {
        return cluster.members().stream().filter(n -> !cluster.replicasOf(key).contains(n)).findFirst().orElseThrow();
    }

    static List<String> writeKeys(SimCluster cluster, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "moving-" + i;
            keys.add(key);
            cluster.await(cluster.node(cluster.members().get(i % cluster.members().size()))
                    .put(key, CausalContext.empty(), Blob.ofUtf8("value of " + key), RequestOverrides.w(3)));
        }
        return keys;
    }

    static void assertEveryKeyOnExactlyItsReplicas(SimCluster cluster, List<String> keys) {
        for (String key : keys) {
            List<NodeId> replicas = cluster.replicasOf(key);
            for (NodeId node : cluster.allNodes()) {
                if (replicas.contains(node)) {
                    assertThat(cluster.stored(node, key)).as("%s on replica %s", key, node).hasValueSatisfying(
                            copy -> assertThat(copy.liveValues()).containsExactly(Blob.ofUtf8("value of " + key)));
                } else {
                    assertThat(cluster.stored(node, key)).as("%s on non-replica %s", key, node).isEmpty();
                }
            }
        }
    }
}
