package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Futures;
import io.practicalsystems.kv.merkle.KeyRangeDiff;
import io.practicalsystems.kv.merkle.KeysToExchange;
import io.practicalsystems.kv.merkle.MerkleTree;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Anti-entropy, one range at a time: build the Merkle tree of one replicated range, compare it with another
 * replica's leaf hashes, fetch that replica's (key, version digest) pairs of the differing leaves only, then push the
 * keys it lacks or holds differently and pull the keys this node lacks or holds differently. Both sides merge
 * ({@link io.practicalsystems.kv.version.DottedVersionVectorSet#sync}), so after a round without concurrent writes
 * both hold the same versions of the range. Catches what read repair never touches: keys nobody reads.
 *
 * <p>Successive rounds walk this node's replicated ranges in ring order and rotate through each range's other
 * replicas, so every (range, peer) pair is compared once per {@code ranges × (N-1)} rounds.
 */
final class AntiEntropyRound {

    private final NodeContext node;
    private long round;

    AntiEntropyRound(NodeContext node) {
        this.node = node;
    }

    CompletableFuture<AntiEntropyReport> runOnce() {
        HashRing ring = node.membership().ring();
        int n = ReplicaSets.replicas(node.config().quorum(), ring);
        List<TokenRange> ranges = ReplicaSets.replicatedBy(ring, node.self(), n);
        if (ranges.isEmpty()) {
            return CompletableFuture.completedFuture(AntiEntropyReport.idle(Optional.empty()));
        }
        long thisRound = nextRound();
        TokenRange range = ranges.get((int) (thisRound % ranges.size()));
        List<NodeId> peers = ReplicaSets.peersOf(ring, range, node.self(), n).stream()
                .filter(node.membership()::isReachable).toList();
        if (peers.isEmpty()) {
            return CompletableFuture.completedFuture(AntiEntropyReport.idle(Optional.of(range)));
        }
        NodeId peer = peers.get((int) ((thisRound / ranges.size()) % peers.size()));
        node.counters().increment(NodeCounters.ANTI_ENTROPY_ROUNDS);
        return exchange(range, peer).exceptionally(error -> new AntiEntropyReport(Optional.of(range),
                Optional.of(peer), 0, 0, 0, true));
    }

    private synchronized long nextRound() {
        return round++;
    }

    /** Compares and repairs {@code range} with {@code peer}; fails if a call to the peer fails. */
    CompletableFuture<AntiEntropyReport> exchange(TokenRange range, NodeId peer) {
        int depth = node.config().merkleDepth();
        Map<String, byte[]> ours = node.replica().versionDigests(range);
        MerkleTree ourTree = MerkleTree.build(depth, ours);
        return Futures.safely(() -> node.transport().merkleLeaves(peer, range, depth)).thenCompose(leaves -> {
            List<KeyRangeDiff> diffs = MerkleTree.diff(ourTree, MerkleTree.fromLeafHashes(depth, leaves));
            if (diffs.isEmpty()) {
                return CompletableFuture.completedFuture(
                        new AntiEntropyReport(Optional.of(range), Optional.of(peer), 0, 0, 0, false));
            }
            List<Integer> buckets = diffs.stream().map(KeyRangeDiff::bucket).toList();
            return Futures.safely(() -> node.transport().bucketDigests(peer, range, depth, buckets))
                    .thenCompose(theirs -> repair(range, peer, diffs, inBuckets(ours, diffs), theirs));
        });
    }

    private CompletableFuture<AntiEntropyReport> repair(TokenRange range, NodeId peer, List<KeyRangeDiff> diffs,
            Map<String, byte[]> ours, Map<String, byte[]> theirs) {
        KeysToExchange keys = KeysToExchange.between(ours, theirs);
        TreeSet<String> push = new TreeSet<>(keys.onlyOurs());
        push.addAll(keys.differing());
        TreeSet<String> pull = new TreeSet<>(keys.onlyTheirs());
        pull.addAll(keys.differing());
        CompletableFuture<Void> pushed = Batches.send(node.replica().copiesOf(List.copyOf(push)),
                node.config().batchSize(),
                batch -> node.transport().mergeBatch(peer, batch));
        CompletableFuture<Integer> pulled = pull.isEmpty() ? CompletableFuture.completedFuture(0)
                : Futures.safely(() -> node.transport().fetch(peer, List.copyOf(pull)))
                .thenApply(copies -> {
                    copies.forEach(copy -> node.replica().merge(copy.key(), copy.copy()));
                    return copies.size();
                });
        return pushed.thenCombine(pulled, (ignored, pulledCount) -> {
            node.counters().add(NodeCounters.ANTI_ENTROPY_KEYS_PUSHED, push.size());
            node.counters().add(NodeCounters.ANTI_ENTROPY_KEYS_PULLED, pulledCount);
            return new AntiEntropyReport(Optional.of(range), Optional.of(peer), diffs.size(), push.size(),
                    pulledCount, false);
        });
    }

    private static Map<String, byte[]> inBuckets(Map<String, byte[]> digests, List<KeyRangeDiff> diffs) {
        Map<String, byte[]> selected = new TreeMap<>();
        digests.forEach((key, digest) -> {
            if (diffs.stream().anyMatch(diff -> diff.contains(key))) {
                selected.put(key, digest);
            }
        });
        return selected;
    }
}
