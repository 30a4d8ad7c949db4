package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Focused failure scenarios on the simulated cluster, each showing one mechanism at work with the others switched
 * off where they would hide it.
 */
class KvNodeScenarioTest {

    static final String KEY = "scenario-key";

    static List<String> values(ClientReadResult read) {
        return read.values().stream().map(Blob::utf8).sorted().toList();
    }

    static void settle(SimCluster cluster, long millis) {
        cluster.runFor(Duration.ofMillis(millis));
    }

    /** A node that is neither one of the key's replicas nor in {@code exclude}. */
    static NodeId nonReplica(SimCluster cluster, String key) {
        return cluster.members().stream().filter(n -> !cluster.replicasOf(key).contains(n)).findFirst().orElseThrow();
    }

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

    @Test
    void aCoordinatorThatLostItsCopyDoesNotReuseDots() {
        SimCluster cluster = new SimCluster(20, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId a = NodeId.of("n1");
        CausalContext context = CausalContext.empty();
        for (int i = 1; i <= 3; i++) {
            context = cluster.await(cluster.put(a, KEY, context, "v" + i)).context();
        }
        settle(cluster, 100);
        cluster.store(a).remove(KEY); // as if a range moved away and back, or a tombstone was collected

        ClientWriteResult blind = cluster.await(cluster.node(a).put(KEY, CausalContext.empty(), Blob.ofUtf8("v4"),
                RequestOverrides.w(3)));

        assertThat(blind.dot().counter()).isEqualTo(4);
        assertThat(values(cluster.await(cluster.get(a, KEY, RequestOverrides.r(3))))).containsExactly("v3", "v4");
    }

    @Test
    void anIsolatedCoordinatorWithoutACopyRefusesTheWriteRatherThanGuessItsCounter() {
        SimCluster cluster = new SimCluster(26, 3, 8, SimConfigs.quiet(QuorumMode.SLOPPY), 10);
        NodeId a = NodeId.of("n1");
        CausalContext context = CausalContext.empty();
        for (int i = 1; i <= 3; i++) {
            context = cluster.await(cluster.put(a, KEY, context, "v" + i)).context();
        }
        settle(cluster, 100);
        cluster.store(a).remove(KEY);
        cluster.isolate(a);
        settle(cluster, 30);

        assertThatThrownBy(() -> cluster.await(cluster.put(a, KEY, CausalContext.empty(), "guess")))
                .cause().isInstanceOf(QuorumNotReachedException.class);
        assertThat(cluster.stored(a, KEY)).as("nothing stored, so no dot issued").isEmpty();
    }

    @Test
    void aWriteReceivedByANonReplicaIsForwardedToAReplica() {
        SimCluster cluster = new SimCluster(21, 5, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId via = nonReplica(cluster, KEY);

        ClientWriteResult written = cluster.await(cluster.put(via, KEY, CausalContext.empty(), "v1"));

        assertThat(cluster.replicasOf(KEY)).contains(written.coordinator());
        assertThat(written.dot().node()).isEqualTo(written.coordinator());
        assertThat(cluster.node(via).counters().get(NodeCounters.FORWARDED_WRITES)).isEqualTo(1);
        assertThat(cluster.stored(via, KEY)).isEmpty();
    }

    @Test
    void aForwardedWriteWhoseCoordinatorDiesReportsAnUnknownOutcome() {
        SimCluster cluster = new SimCluster(22, 5, 8, SimConfigs.quiet(QuorumMode.STRICT), 60_000);
        NodeId via = nonReplica(cluster, KEY);
        NodeId coordinator = cluster.replicasOf(KEY).get(0);
        cluster.crash(coordinator); // the failure detector has not noticed (60 s lag)

        assertThatThrownBy(() -> cluster.await(cluster.put(via, KEY, CausalContext.empty(), "v1")))
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ForwardingFailedException.class)
                .hasMessageContaining(coordinator.value());
    }

    @Test
    void tooFewReplicasFailTheRequestAndSayHowManyAnswered() {
        SimCluster cluster = new SimCluster(23, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        cluster.crash(NodeId.of("n2"));
        cluster.crash(NodeId.of("n3"));
        settle(cluster, 30);
        NodeId a = NodeId.of("n1");

        assertThatThrownBy(() -> cluster.await(cluster.put(a, KEY, CausalContext.empty(), "v1")))
                .cause().isInstanceOf(QuorumNotReachedException.class)
                .hasMessageContaining("1 of 3 replicas answered, 2 needed");
        assertThatThrownBy(() -> cluster.await(cluster.get(a, KEY)))
                .cause().isInstanceOf(QuorumNotReachedException.class)
                .hasMessageContaining("read quorum not reached");
        // W = 1 for this request is enough.
        assertThat(cluster.await(cluster.node(a).put(KEY, CausalContext.empty(), Blob.ofUtf8("v2"),
                RequestOverrides.w(1))).acknowledgedBy()).containsExactly(a);
    }

    @Test
    void anInvalidOverrideIsRejected() {
        SimCluster cluster = new SimCluster(24, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        assertThatThrownBy(() -> cluster.await(cluster.node(NodeId.of("n1")).put(KEY, CausalContext.empty(),
                Blob.ofUtf8("v"), RequestOverrides.w(4)))).cause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClusterSmallerThanNKeepsACopyOnEveryNode() {
        SimCluster cluster = new SimCluster(25, 2, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        ClientWriteResult written = cluster.await(cluster.put(NodeId.of("n1"), KEY, CausalContext.empty(), "v"));
        assertThat(written.acknowledgedBy()).containsExactlyInAnyOrder(NodeId.of("n1"), NodeId.of("n2"));
    }

    private static List<String> writeKeys(SimCluster cluster, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "moving-" + i;
            keys.add(key);
            cluster.await(cluster.node(cluster.members().get(i % cluster.members().size()))
                    .put(key, CausalContext.empty(), Blob.ofUtf8("value of " + key), RequestOverrides.w(3)));
        }
        return keys;
    }

    private static void assertEveryKeyOnExactlyItsReplicas(SimCluster cluster, List<String> keys) {
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
