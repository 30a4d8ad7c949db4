package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.ReadFanout;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.version.CausalContext;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Which replicas a read asks, on the simulated cluster (3 nodes, N=3 R=2; the network's timeout is 100 virtual ms, the
 * default speculative delay 50 ms): its own copy and one peer, another peer only when needed.
 */
class ReadFanoutScenarioTest {

    private static final NodeId A = NodeId.of("n1");
    private static final NodeId B = NodeId.of("n2");
    private static final NodeId C = NodeId.of("n3");
    private static final List<String> KEYS = IntStream.range(0, 40).mapToObj(i -> "key-" + i).toList();

    @Test
    void aHealthyClusterAnswersEveryReadFromTheCoordinatorAndOnePeer() {
        SimCluster cluster = written(new SimCluster(31, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10));
        long sent = cluster.network().sent();

        for (String key : KEYS) {
            ClientReadResult read = cluster.await(cluster.get(A, key));
            assertThat(values(read)).containsExactly(key);
            assertThat(read.answeredBy()).hasSize(2).startsWith(A);
        }
        assertThat(cluster.network().sent() - sent).as("one peer request per read").isEqualTo(KEYS.size());
        assertThat(cluster.node(A).counters().get(NodeCounters.SPECULATIVE_READS)).isZero();
    }

    @Test
    void aSilentPeerTheDetectorHasNotNoticedCostsAReadTheSpeculativeDelayNotTheTimeout() {
        // A's failure detector would take an hour to notice: every read that asks B first waits for the delay.
        SimCluster cluster = written(new SimCluster(32, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 3_600_000));
        cluster.cut(A, B); // B's requests from A are dropped without an answer: only the 100 ms timeout would tell

        int waited = 0;
        for (String key : KEYS) {
            long took = timedRead(cluster, key);
            assertThat(took).as("virtual ms for %s", key).isLessThan(100);
            waited += took >= 50 ? 1 : 0;
        }
        assertThat(waited).as("reads that asked B first and waited for the delay").isPositive();
        assertThat(cluster.node(A).counters().get(NodeCounters.SPECULATIVE_READS)).isEqualTo(waited);
    }

    @Test
    void aPeerTheDetectorSeesDownIsNotAskedWhileTheOthersMakeR() {
        SimCluster cluster = written(new SimCluster(34, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10));
        cluster.cut(A, B);
        settle(cluster, 50); // past the detector's 10 ms lag

        for (String key : KEYS) {
            assertThat(timedRead(cluster, key)).as("virtual ms for %s", key).isLessThan(50);
        }
        assertThat(cluster.node(A).counters().get(NodeCounters.SPECULATIVE_READS)).isZero();
    }

    @Test
    void askingAllReplicasRepairsTheOneOutsideTheQuorumToo() {
        SimCluster quorum = staleOnC(new SimCluster(33, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10));
        SimCluster all = staleOnC(new SimCluster(33, 3, 8,
                SimConfigs.quiet(QuorumMode.STRICT).withReadFanout(ReadFanout.ALL), 10));

        assertThat(readAllAndCountRepairs(all)).as("ask-all: every read repairs C").isEqualTo(KEYS.size());
        assertThat(readAllAndCountRepairs(quorum)).as("quorum: only reads that asked C repair it")
                .isLessThan(KEYS.size());
    }

    /** Reads {@code key} on A, checks it came from A and C, and returns the virtual milliseconds it took. */
    private static long timedRead(SimCluster cluster, String key) {
        long start = cluster.scheduler().nowMillis();
        ClientReadResult read = cluster.await(cluster.get(A, key));
        assertThat(values(read)).containsExactly(key);
        assertThat(read.answeredBy()).containsExactly(A, C);
        return cluster.scheduler().nowMillis() - start;
    }

    private static SimCluster written(SimCluster cluster) {
        KEYS.forEach(key -> cluster.await(cluster.put(A, key, CausalContext.empty(), key)));
        settle(cluster, 100);
        return cluster;
    }

    /** Every key written while C was down: C holds none of them, and nothing but a read repairs it. */
    private static SimCluster staleOnC(SimCluster cluster) {
        cluster.crash(C);
        settle(cluster, 30);
        KEYS.forEach(key -> cluster.await(cluster.put(A, key, CausalContext.empty(), key)));
        cluster.boot(C);
        settle(cluster, 500);
        return cluster;
    }

    private static long readAllAndCountRepairs(SimCluster cluster) {
        KEYS.forEach(key -> cluster.await(cluster.get(A, key)));
        settle(cluster, 200);
        return cluster.node(A).counters().get(NodeCounters.READ_REPAIRS);
    }
}
