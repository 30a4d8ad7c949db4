package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Gives away the keys this node holds but does not replicate under the current ring — ranges it lost in a ring
 * change, and copies it took as a stand-in for a down node (sloppy quorum) — and drops each one only once every one
 * of the key's replicas acknowledged the copy, and only if the copy did not change meanwhile.
 *
 * <p>It is also what makes hinted handoff survive a crash: the hint queue is in memory, but the stand-in's copy is
 * in its durable store, and this sweep delivers it to the replicas after a restart. Each sweep handles at most
 * {@code 16 × batchSize} keys, so a node that lost many ranges gives them away over several sweeps.
 *
 * <p>Cost: one pass over the whole store per sweep (the ranges a node does not replicate are scattered over the
 * ring), which is why it runs far less often than hint delivery; a cluster of at most N nodes skips it.
 */
final class HandoffSweep {

    private final NodeContext node;

    HandoffSweep(NodeContext node) {
        this.node = node;
    }

    /** Completes with the number of keys dropped here; never fails. */
    CompletableFuture<Integer> sweep() {
        HashRing ring = node.membership().ring();
        int n = ReplicaSets.replicas(node.config().quorum(), ring);
        if (ring.nodes().contains(node.self()) && ring.nodes().size() <= n) {
            // Every member replicates every key (a cluster of at most N nodes): nothing here is foreign.
            return CompletableFuture.completedFuture(0);
        }
        int limit = 16 * node.config().batchSize();
        Map<List<NodeId>, List<KeyedCopy>> byReplicas = new LinkedHashMap<>();
        int[] found = {0};
        node.replica().forEachKey((key, copy) -> {
            if (found[0] >= limit) {
                return;
            }
            List<NodeId> replicas = ReplicaSets.preferenceList(ring, key, n);
            if (!replicas.contains(node.self())) {
                byReplicas.computeIfAbsent(replicas, r -> new ArrayList<>()).add(new KeyedCopy(key, copy));
                found[0]++;
            }
        });
        CompletableFuture<Integer> dropped = CompletableFuture.completedFuture(0);
        for (Map.Entry<List<NodeId>, List<KeyedCopy>> group : byReplicas.entrySet()) {
            dropped = dropped.thenCompose(sofar -> handOff(group.getKey(), group.getValue()).thenApply(d -> sofar + d));
        }
        return dropped;
    }

    private CompletableFuture<Integer> handOff(List<NodeId> replicas, List<KeyedCopy> copies) {
        List<NodeId> reachable = replicas.stream().filter(node.membership()::isReachable).toList();
        CompletableFuture<Boolean> allAcknowledged =
                CompletableFuture.completedFuture(reachable.size() == replicas.size());
        for (NodeId replica : reachable) {
            CompletableFuture<Boolean> sent = Batches.send(copies, node.config().batchSize(),
                    batch -> node.transport().mergeBatch(replica, batch)).handle((ok, error) -> error == null);
            allAcknowledged = allAcknowledged.thenCombine(sent, Boolean::logicalAnd);
        }
        return allAcknowledged.thenApply(all -> {
            if (!all) {
                return 0;
            }
            int removed = 0;
            for (KeyedCopy copy : copies) {
                if (node.replica().removeIfUnchanged(copy.key(), copy.copy().versionDigest())) {
                    removed++;
                }
            }
            node.counters().add(NodeCounters.KEYS_HANDED_OFF, removed);
            return removed;
        });
    }
}
