package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Futures;
import io.practicalsystems.kv.merkle.KeyRangeDiff;
import io.practicalsystems.kv.merkle.KeysToExchange;
import io.practicalsystems.kv.merkle.MerkleTree;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Anti-entropy, one full pass at a time: every range this node replicates, compared with every other reachable
 * replica of it. Per range, this node's (key, version digest) pairs are read once; per peer, the peer's root hash
 * comes first (a depth-0 tree: one hash over the whole range), and only when it differs from ours do the two trees
 * of depth {@code merkleDepth} meet: the peer's leaf hashes, then its (key, version digest) pairs of the differing
 * leaves only, then push of the keys it lacks or holds differently and pull of the keys this node lacks or holds
 * differently. Both sides merge ({@link io.practicalsystems.kv.version.DottedVersionVectorSet#sync}), so after a pass
 * without concurrent writes every replicated range agrees with every reachable peer. Catches what read repair never
 * touches: keys nobody reads.
 *
 * <p>Cost: ranges are compared {@value #CONCURRENT_RANGES} at a time, the peers of one range one after the other, so
 * at most {@value #CONCURRENT_RANGES} calls of this node's pass are in flight; where replicas agree a pass costs one
 * scan of this node's keys, one of each peer's, and one 32-byte answer per (range, peer). (Riak's active
 * anti-entropy exchanges all partitions the same way, under a concurrency limit.) Those reads are paced
 * ({@link ScanPace}, {@link KvNodeConfig#antiEntropyKeysPerSecond()}): a range starts only once the reads the
 * ranges before it caused are paid off.
 */
final class AntiEntropyPass {

    /** Ranges compared at once. */
    static final int CONCURRENT_RANGES = 4;

    private final NodeContext node;
    /** One per node, shared by its passes: the pace holds across a pass's end and the next one's start. */
    private final ScanPace pace;

    AntiEntropyPass(NodeContext node) {
        this.node = node;
        this.pace = new ScanPace(node.config().antiEntropyKeysPerSecond());
    }

    /**
     * One exchange report per (range, reachable peer); a failed call to a peer is reported as a failed exchange, so the
     * pass fails only if this node's own store does.
     */
    CompletableFuture<List<AntiEntropyReport>> runOnce() {
        HashRing ring = node.membership().ring();
        int n = ReplicaSets.replicas(node.config().quorum(), ring);
        List<TokenRange> ranges = ReplicaSets.replicatedBy(ring, node.self(), n);
        node.counters().increment(NodeCounters.ANTI_ENTROPY_PASSES);
        return BoundedConcurrency.map(ranges, CONCURRENT_RANGES, range -> paced(() -> compareRange(range,
                ReplicaSets.peersOf(ring, range, node.self(), n).stream()
                        .filter(node.membership()::isReachable).toList())))
                .thenApply(perRange -> perRange.stream().flatMap(List::stream).toList());
    }

    /** Starts {@code comparison} once the reads charged so far are paid off ({@link ScanPace}). */
    private <T> CompletableFuture<T> paced(Supplier<CompletableFuture<T>> comparison) {
        Duration wait = pace.waitAt(node.scheduler().now());
        if (wait.isZero()) {
            return Futures.safely(comparison);
        }
        CompletableFuture<Void> paidOff = new CompletableFuture<>();
        node.scheduler().schedule(wait, () -> paidOff.complete(null));
        return paidOff.thenCompose(ignored -> Futures.safely(comparison));
    }

    /**
     * Compares {@code range} with each of {@code peers} in turn. Charged to the pace: this node's keys of the range,
     * read once, and about as many again on each peer, which reads its own copy of the range for the exchange.
     */
    private CompletableFuture<List<AntiEntropyReport>> compareRange(TokenRange range, List<NodeId> peers) {
        if (peers.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        Map<String, byte[]> ours = node.replica().versionDigests(range);
        long reads = (long) ours.size() * (1 + peers.size());
        pace.charge(reads, node.scheduler().now());
        node.counters().add(NodeCounters.ANTI_ENTROPY_KEY_READS, reads);
        byte[] ourRoot = MerkleTree.build(0, ours).rootHash();
        CompletableFuture<List<AntiEntropyReport>> reports = CompletableFuture.completedFuture(List.of());
        for (NodeId peer : peers) {
            reports = reports.thenCompose(done -> compareWith(range, peer, ours, ourRoot).thenApply(report -> {
                List<AntiEntropyReport> all = new ArrayList<>(done);
                all.add(report);
                return all;
            }));
        }
        return reports;
    }

    private CompletableFuture<AntiEntropyReport> compareWith(TokenRange range, NodeId peer, Map<String, byte[]> ours,
            byte[] ourRoot) {
        node.counters().increment(NodeCounters.ANTI_ENTROPY_ROUNDS);
        AntiEntropyExchange exchange = AntiEntropyExchange.start(ourRoot);
        return Futures.safely(() -> node.transport().merkleLeaves(peer, range, 0, exchange)).thenCompose(theirRoot ->
                        theirRoot.size() == 1 && Arrays.equals(theirRoot.get(0), ourRoot)
                                ? CompletableFuture.completedFuture(AntiEntropyReport.agreed(range, peer))
                                : exchange(range, peer, ours, exchange.continued()))
                .exceptionally(error -> new AntiEntropyReport(range, peer, 0, 0, 0, true));
    }

    /** Compares and repairs {@code range} with {@code peer} leaf by leaf; fails if a call to the peer fails. */
    private CompletableFuture<AntiEntropyReport> exchange(TokenRange range, NodeId peer, Map<String, byte[]> ours,
            AntiEntropyExchange exchange) {
        int depth = node.config().merkleDepth();
        MerkleTree ourTree = MerkleTree.build(depth, ours);
        return Futures.safely(() -> node.transport().merkleLeaves(peer, range, depth, exchange)).thenCompose(leaves -> {
            List<KeyRangeDiff> diffs = MerkleTree.diff(ourTree, MerkleTree.fromLeafHashes(depth, leaves));
            if (diffs.isEmpty()) { // the roots differed, the leaves agree: a write landed in between (the peer
                // drops the exchange's snapshot after a while)
                return CompletableFuture.completedFuture(AntiEntropyReport.agreed(range, peer));
            }
            List<Integer> buckets = diffs.stream().map(KeyRangeDiff::bucket).toList();
            return Futures.safely(() -> node.transport().bucketDigests(peer, range, depth, buckets, exchange))
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
            return new AntiEntropyReport(range, peer, diffs.size(), push.size(),
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
