package io.practicalsystems.kv.node;

import static io.practicalsystems.kv.node.Scenarios.KEY;
import static io.practicalsystems.kv.node.Scenarios.settle;
import static io.practicalsystems.kv.node.Scenarios.values;
import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.version.CausalContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How replicas converge: siblings after a partition, read repair, anti-entropy, tombstone collection. On the
 * simulated cluster, with the other mechanisms switched off where they would hide the one shown.
 */
class RepairScenarioTest {

    @Test
    void writesOnBothSidesOfAPartitionBecomeSiblingsAfterHealing() {
        SimCluster cluster = new SimCluster(13, 5, 8, SimConfigs.fast(QuorumMode.SLOPPY), 10);
        List<NodeId> replicas = cluster.replicasOf(KEY);
        NodeId a = replicas.get(0);
        NodeId b = replicas.get(1);
        List<NodeId> others = cluster.members().stream().filter(n -> !replicas.contains(n)).toList();
        cluster.await(cluster.put(a, KEY, CausalContext.empty(), "before"));
        settle(cluster, 100);
        CausalContext context = cluster.await(cluster.get(a, KEY)).context();

        // {a, others[0]} | {b, c, others[1]}
        List<NodeId> left = List.of(a, others.get(0));
        for (NodeId l : left) {
            for (NodeId r : cluster.members()) {
                if (!left.contains(r)) {
                    cluster.cut(l, r);
                }
            }
        }
        settle(cluster, 30);
        ClientWriteResult leftWrite = cluster.await(cluster.put(a, KEY, context, "left"));
        ClientWriteResult rightWrite = cluster.await(cluster.put(b, KEY, context, "right"));
        assertThat(leftWrite.usedHints()).isTrue();
        assertThat(rightWrite.usedHints()).isTrue();
        assertThat(values(cluster.await(cluster.get(a, KEY)))).containsExactly("left");

        cluster.network().heal();
        settle(cluster, 3_000);

        for (NodeId via : cluster.members()) {
            ClientReadResult read = cluster.await(cluster.get(via, KEY));
            assertThat(values(read)).as("read via %s", via).containsExactly("left", "right");
            assertThat(read.context().covers(leftWrite.dot())).isTrue();
            assertThat(read.context().covers(rightWrite.dot())).isTrue();
        }
        // A client resolving the siblings with the merged context overwrites both.
        CausalContext merged = cluster.await(cluster.get(a, KEY)).context();
        cluster.await(cluster.put(b, KEY, merged, "resolved"));
        assertThat(values(cluster.await(cluster.get(a, KEY, RequestOverrides.r(3))))).containsExactly("resolved");
    }

    @Test
    void readRepairFixesAStaleReplicaWithoutAnyBackgroundMaintenance() {
        SimCluster cluster = new SimCluster(14, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        NodeId c = NodeId.of("n3");
        cluster.crash(c);
        settle(cluster, 30);
        ClientWriteResult written = cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v1"));
        assertThat(written.acknowledgedBy()).doesNotContain(c);
        cluster.boot(c);
        settle(cluster, 500);
        assertThat(cluster.stored(c, KEY)).as("nothing repairs it by itself").isEmpty();

        ClientReadResult read = cluster.await(cluster.get(a, KEY, RequestOverrides.r(3)));
        settle(cluster, 100);

        assertThat(values(read)).containsExactly("v1");
        assertThat(cluster.stored(c, KEY)).hasValueSatisfying(copy -> assertThat(copy.versionDigest())
                .isEqualTo(cluster.stored(a, KEY).orElseThrow().versionDigest()));
        assertThat(cluster.node(a).counters().get(NodeCounters.READ_REPAIRS)).isEqualTo(1);
    }

    @Test
    void antiEntropyRepairsKeysThatNobodyReads() {
        SimCluster cluster = new SimCluster(15, 4, 8, SimConfigs.only(QuorumMode.STRICT, false, true, false, false),
                10);
        NodeId victim = NodeId.of("n4");
        cluster.crash(victim);
        settle(cluster, 30);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String key = "ae-" + i;
            keys.add(key);
            NodeId via = cluster.replicasOf(key).stream().filter(n -> !n.equals(victim)).findFirst().orElseThrow();
            cluster.await(cluster.put(via, key, CausalContext.empty(), "v" + i));
        }
        List<String> victimKeys = keys.stream().filter(k -> cluster.replicasOf(k).contains(victim)).toList();
        assertThat(victimKeys).isNotEmpty();
        assertThat(cluster.store(victim).keyCount()).isZero();

        cluster.boot(victim);
        settle(cluster, 5_000);

        for (String key : keys) {
            List<String> digests = cluster.replicasOf(key).stream()
                    .map(n -> cluster.stored(n, key).map(c -> Arrays.toString(c.versionDigest())).orElse("missing"))
                    .distinct().toList();
            assertThat(digests).as("replicas of %s", key).hasSize(1).doesNotContain("missing");
        }
        assertThat(cluster.store(victim).keyCount()).isEqualTo(victimKeys.size());
        assertThat(cluster.node(victim).counters().get(NodeCounters.ANTI_ENTROPY_KEYS_PULLED)
                + cluster.members().stream().filter(n -> !n.equals(victim)).mapToLong(
                        n -> cluster.node(n).counters().get(NodeCounters.ANTI_ENTROPY_KEYS_PUSHED)).sum())
                .isPositive();
    }

    @Test
    void tombstonesAreCollectedOnlyAfterTheGracePeriod() {
        KvNodeConfig config = SimConfigs.quiet(QuorumMode.STRICT);
        config = new KvNodeConfig(config.quorum(), config.hintDeliveryInterval(), config.antiEntropyInterval(),
                config.merkleDepth(), config.ringCheckInterval(), config.handoffInterval(), Duration.ofMillis(100),
                Duration.ofSeconds(2), config.maxHintsPerTarget(), config.batchSize());
        SimCluster cluster = new SimCluster(19, 3, 8, config, 10);
        NodeId a = NodeId.of("n1");
        ClientWriteResult put = cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v1"));
        cluster.await(cluster.node(a).delete(KEY, put.context(), RequestOverrides.w(3)));

        settle(cluster, 1_000);
        ClientReadResult deleted = cluster.await(cluster.get(a, KEY));
        assertThat(deleted.found()).isFalse();
        assertThat(deleted.tombstones()).isEqualTo(1);
        cluster.members().forEach(n -> assertThat(cluster.stored(n, KEY)).as("tombstone on %s", n).isPresent());

        settle(cluster, 1_500);
        cluster.members().forEach(n -> assertThat(cluster.stored(n, KEY)).as("collected on %s", n).isEmpty());
        assertThat(cluster.await(cluster.get(a, KEY)).context().isEmpty()).isTrue();
    }
}
