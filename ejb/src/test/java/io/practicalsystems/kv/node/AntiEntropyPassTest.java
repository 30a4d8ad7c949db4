package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.RingHash;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Versioned;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One anti-entropy pass, on the simulated cluster with every other maintenance off and no client reads: it compares
 * every range a node replicates with every other replica (one range per round used to take ranges × peers rounds),
 * and costs only root hashes where replicas agree.
 */
class AntiEntropyPassTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void onePassOfOneNodeCopiesItsKeysToEveryOtherReplicaOfEveryRange() {
        SimCluster cluster = new SimCluster(31, 4, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId only = NodeId.of("n1");
        List<String> keys = writtenOnlyOn(cluster, only, 60);
        assertThat(keys.stream().map(cluster::replicasOf).distinct().count()).as("keys in many replica sets")
                .isGreaterThan(2);

        List<AntiEntropyReport> reports = cluster.await(cluster.node(only).runAntiEntropyPass());

        for (String key : keys) {
            for (NodeId replica : cluster.replicasOf(key)) {
                assertThat(cluster.stored(replica, key)).as("%s on %s", key, replica).hasValueSatisfying(copy ->
                        assertThat(copy.versionDigest()).isEqualTo(cluster.stored(only, key).orElseThrow()
                                .versionDigest()));
            }
        }
        assertThat(reports).noneMatch(AntiEntropyReport::failed);
        assertThat(reports.stream().mapToInt(AntiEntropyReport::pushed).sum())
                .isEqualTo(keys.stream().mapToInt(key -> cluster.replicasOf(key).size() - 1).sum());
        assertThat(reports).filteredOn(report -> report.differingBuckets() > 0).isNotEmpty();
        // root, leaves and bucket digests of one exchange read one scan of the range on the peer's side
        assertThat(peerScans(cluster, only, 4)).isEqualTo(reports.size());
    }

    private static long peerScans(SimCluster cluster, NodeId initiator, int nodes) {
        long scans = 0;
        for (int i = 1; i <= nodes; i++) {
            NodeId node = NodeId.of("n" + i);
            if (!node.equals(initiator)) {
                scans += cluster.node(node).status().counters()
                        .getOrDefault(NodeCounters.ANTI_ENTROPY_RANGE_SCANS, 0L);
            }
        }
        return scans;
    }

    @Test
    void aPassOverReplicasThatAgreeComparesEveryRangeWithEveryPeerAndExchangesNothing() {
        SimCluster cluster = new SimCluster(32, 4, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId node = NodeId.of("n2");
        List<String> keys = writtenOnlyOn(cluster, node, 40);
        cluster.await(cluster.node(node).runAntiEntropyPass());
        int ranges = cluster.ring().replicatedRanges(3).get(node).size();

        List<AntiEntropyReport> again = cluster.await(cluster.node(node).runAntiEntropyPass());

        assertThat(again).hasSize(ranges * 2); // N=3: two other replicas per range
        assertThat(again).allSatisfy(report -> {
            assertThat(report.failed()).isFalse();
            assertThat(report.differingBuckets()).isZero();
            assertThat(report.pushed() + report.pulled()).isZero();
        });
        assertThat(again.stream().map(r -> r.range() + ">" + r.peer()).distinct().count()).isEqualTo(ranges * 2);
        assertThat(keys).isNotEmpty();
    }

    @Test
    void aPeerThatIsDownFailsOnlyItsOwnExchangesAndTheNextPassRepairsIt() {
        SimCluster cluster = new SimCluster(33, 4, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
        NodeId node = NodeId.of("n1");
        NodeId down = NodeId.of("n3");
        List<String> keys = writtenOnlyOn(cluster, node, 60);
        cluster.crash(down);

        List<AntiEntropyReport> first = cluster.await(cluster.node(node).runAntiEntropyPass(),
                Duration.ofSeconds(30));
        assertThat(first).filteredOn(AntiEntropyReport::failed).allMatch(r -> r.peer().equals(down));
        for (String key : keys) {
            cluster.replicasOf(key).stream().filter(n -> !n.equals(down)).forEach(replica ->
                    assertThat(cluster.stored(replica, key)).as("%s on %s", key, replica).isPresent());
        }

        cluster.boot(down);
        cluster.runFor(Duration.ofMillis(200)); // the failure detector sees it again
        cluster.await(cluster.node(node).runAntiEntropyPass(), Duration.ofSeconds(30));
        keys.stream().filter(key -> cluster.replicasOf(key).contains(down)).forEach(key ->
                assertThat(cluster.stored(down, key)).as("%s on %s after it returned", key, down).isPresent());
    }

    @Test
    void aPacedPassSpreadsItsKeyReadsOverTimeAndStillRepairsEverything() {
        long keysPerSecond = 50;
        SimCluster cluster = new SimCluster(34, 4, 8,
                SimConfigs.quiet(QuorumMode.STRICT).withAntiEntropyKeysPerSecond(keysPerSecond), 10);
        NodeId node = NodeId.of("n1");
        List<String> keys = writtenOnlyOn(cluster, node, 60);
        Instant start = cluster.scheduler().now();

        List<AntiEntropyReport> reports = cluster.await(cluster.node(node).runAntiEntropyPass(),
                Duration.ofMinutes(10));

        Duration took = Duration.between(start, cluster.scheduler().now());
        long reads = cluster.node(node).counters().get(NodeCounters.ANTI_ENTROPY_KEY_READS);
        // each of the 60 keys read here and on its two other replicas
        assertThat(reads).isEqualTo(keys.size() * 3L);
        // only the reads of the ranges started last (at most CONCURRENT_RANGES of them) may still be unpaid at the end
        long unpaid = Math.min(reads, mostReadsOfAnyRanges(cluster, node, keys, AntiEntropyPass.CONCURRENT_RANGES));
        assertThat(unpaid).isLessThan(reads);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis((reads - unpaid) * 1000 / keysPerSecond));
        assertThat(reports).noneMatch(AntiEntropyReport::failed);
        for (String key : keys) {
            for (NodeId replica : cluster.replicasOf(key)) {
                assertThat(cluster.stored(replica, key)).as("%s on %s", key, replica).isPresent();
            }
        }
    }

    /** The reads a pass of {@code node} causes for the {@code count} of its ranges holding most of {@code keys}. */
    private static long mostReadsOfAnyRanges(SimCluster cluster, NodeId node, List<String> keys, int count) {
        return cluster.ring().replicatedRanges(3).get(node).stream()
                .mapToLong(range -> keys.stream().filter(key -> range.contains(RingHash.of(key))).count() * 3)
                .boxed().sorted(Comparator.reverseOrder()).limit(count).mapToLong(Long::longValue).sum();
    }

    /** Keys {@code node} replicates, written straight into its store only (as if it died before replicating). */
    private static List<String> writtenOnlyOn(SimCluster cluster, NodeId node, int count) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count; i++) {
            String key = "only-on-" + node + "-" + i;
            if (cluster.replicasOf(key).contains(node)) {
                cluster.store(node).update(key, CausalContext.empty(), Versioned.of(Blob.ofUtf8("v" + i), T0), node);
                keys.add(key);
            }
        }
        for (NodeId other : cluster.members()) {
            if (!other.equals(node)) {
                keys.forEach(key -> assertThat(cluster.stored(other, key)).isEmpty());
            }
        }
        return keys;
    }
}
