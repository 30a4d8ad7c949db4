package io.practicalsystems.kv.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.merkle.MerkleTree;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.RingHash;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The replica-side handlers the transport's server side calls, on one node of a quiet cluster. */
class KvNodeHandlersTest {

    static final TokenRange WHOLE_RING = new TokenRange(0, 0);
    final SimCluster cluster = new SimCluster(7, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
    final KvNode node = cluster.node(NodeId.of("n1"));

    static DottedVersionVectorSet<Blob> copy(String value) {
        return DottedVersionVectorSet.<Blob>empty().update(CausalContext.empty(),
                Versioned.of(Blob.ofUtf8(value), Instant.EPOCH), NodeId.of("n9"));
    }

    @Test
    void aPutWithAHintIsStoredAndQueuedForItsTarget() {
        node.handleReplicaPut("k", copy("v"), Optional.of(NodeId.of("n2")));
        node.handleReplicaPut("j", copy("w"), Optional.empty());

        assertThat(node.handleReplicaGet("k")).contains(copy("v"));
        assertThat(node.handleReplicaGet("missing")).isEmpty();
        NodeStatus status = node.status();
        assertThat(status.hintsByTarget()).containsExactly(Map.entry(NodeId.of("n2"), 1));
        assertThat(status.keyCount()).isEqualTo(2);
        assertThat(status.counters()).containsEntry(NodeCounters.HINTS_STORED, 1L);
        assertThat(status.running()).isTrue();
        assertThat(status.quorum()).isEqualTo("3/2/2");
    }

    @Test
    void merkleLeavesAndBucketDigestsDescribeTheSameKeys() {
        for (int i = 0; i < 20; i++) {
            node.handleMergeBatch(List.of(new KeyedCopy("key-" + i, copy("v" + i))));
        }
        int depth = 3;
        List<byte[]> leaves = node.handleMerkleLeaves(WHOLE_RING, depth, null);
        assertThat(leaves).hasSize(8);

        int bucket = MerkleTree.bucketOf("key-0", depth);
        Map<String, byte[]> digests = node.handleBucketDigests(WHOLE_RING, depth, List.of(bucket), null);
        assertThat(digests).containsKey("key-0")
                .allSatisfy((key, digest) -> assertThat(MerkleTree.bucketOf(key, depth)).isEqualTo(bucket));
        assertThat(MerkleTree.build(depth, node.handleBucketDigests(WHOLE_RING, depth, List.of(bucket), null))
                .leafHashes().get(bucket)).isEqualTo(leaves.get(bucket));
    }

    @Test
    void bucketDigestsStayInsideTheRange() {
        node.handleMergeBatch(List.of(new KeyedCopy("a", copy("1")), new KeyedCopy("b", copy("2"))));
        long position = RingHash.of("a");
        Map<String, byte[]> onlyA = node.handleBucketDigests(new TokenRange(position - 1, position), 0, List.of(0), null);
        assertThat(onlyA).containsOnlyKeys("a");
    }

    @Test
    void anExchangeScansTheRangeOnceAndSeesItAsItWasAtItsFirstCall() {
        node.handleMergeBatch(List.of(new KeyedCopy("a", copy("1")), new KeyedCopy("b", copy("2"))));
        AntiEntropyExchange first = new AntiEntropyExchange("x1", new byte[32]); // a root nobody has: they differ
        byte[] root = node.handleMerkleLeaves(WHOLE_RING, 0, first).get(0);
        node.handleMergeBatch(List.of(new KeyedCopy("c", copy("3")))); // lands mid-exchange

        List<byte[]> leaves = node.handleMerkleLeaves(WHOLE_RING, 2, first.continued());
        Map<String, byte[]> digests = node.handleBucketDigests(WHOLE_RING, 0, List.of(0), first.continued());

        assertThat(scans()).isEqualTo(1);
        assertThat(digests).containsOnlyKeys("a", "b");
        assertThat(MerkleTree.build(0, digests).rootHash()).isEqualTo(root);
        assertThat(leaves).containsExactlyElementsOf(MerkleTree.build(2, digests).leafHashes());
        // its last call ended it: the next exchange, and a call naming none, read the range afresh
        assertThat(node.handleBucketDigests(WHOLE_RING, 0, List.of(0), first.continued())).containsKey("c");
        assertThat(node.handleMerkleLeaves(WHOLE_RING, 0, null).get(0)).isNotEqualTo(root);
        assertThat(scans()).isEqualTo(3);
    }

    @Test
    void anExchangeWhoseRootsAgreeKeepsNothing() {
        node.handleMergeBatch(List.of(new KeyedCopy("a", copy("1"))));
        byte[] root = node.handleMerkleLeaves(WHOLE_RING, 0, null).get(0);

        node.handleMerkleLeaves(WHOLE_RING, 0, new AntiEntropyExchange("x2", root));
        node.handleMergeBatch(List.of(new KeyedCopy("b", copy("2"))));

        assertThat(node.handleBucketDigests(WHOLE_RING, 0, List.of(0), new AntiEntropyExchange("x2", null)))
                .containsOnlyKeys("a", "b");
        assertThat(scans()).isEqualTo(3);
    }

    private long scans() {
        return node.status().counters().getOrDefault(NodeCounters.ANTI_ENTROPY_RANGE_SCANS, 0L);
    }

    @Test
    void fetchReturnsOnlyHeldKeysAndMergeBatchMerges() {
        node.handleMergeBatch(List.of(new KeyedCopy("x", copy("1"))));
        node.handleMergeBatch(List.of(new KeyedCopy("x", copy("1")))); // idempotent

        List<KeyedCopy> fetched = node.handleFetch(List.of("x", "nope"));

        assertThat(fetched).containsExactly(new KeyedCopy("x", copy("1")));
    }
}
