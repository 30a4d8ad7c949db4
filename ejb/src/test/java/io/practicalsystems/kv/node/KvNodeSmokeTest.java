package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import org.junit.jupiter.api.Test;

class KvNodeSmokeTest {

    @Test
    void putThenGetThroughAnyNode() {
        SimCluster cluster = new SimCluster(1, 5, 8, SimConfigs.fast(QuorumMode.STRICT), 20);
        ClientWriteResult written = cluster.await(cluster.put(NodeId.of("n1"), "k", CausalContext.empty(), "v1"));
        assertThat(written.acknowledgedBy()).hasSize(2);
        ClientReadResult read = cluster.await(cluster.get(NodeId.of("n4"), "k"));
        assertThat(read.values()).containsExactly(Blob.ofUtf8("v1"));
        assertThat(read.context().covers(written.dot())).isTrue();
    }
}
