package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Before coordinating a write to a key it holds no copy of, the coordinator merges in the other replicas' copies.
 *
 * <p>Why: the new dot's counter is one above the coordinator's own counter in its stored copy. A node that once
 * coordinated writes to the key and later dropped its copy (a range that moved away and back, a collected
 * tombstone) would count from 1 again and reuse dots other replicas already know — and they would discard the new
 * write as already seen. The other replicas' histories carry the old counters. Best effort: waits for every
 * reachable replica to answer or fail, merges what arrived, never fails. Keys that exist locally skip this.
 */
final class PriorVersionFetch {

    private final NodeContext node;

    PriorVersionFetch(NodeContext node) {
        this.node = node;
    }

    CompletableFuture<Void> fetchIfAbsent(String key, List<NodeId> preferenceList) {
        if (node.replica().get(key).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] keyBytes = ReplicaSets.keyBytes(key);
        CompletableFuture<?>[] answers = preferenceList.stream()
                .filter(other -> !other.equals(node.self()) && node.membership().isReachable(other))
                .map(other -> Futures.safely(() -> node.transport().get(other, keyBytes))
                        .thenAccept(copy -> copy.ifPresent(value -> node.replica().merge(key, value)))
                        .exceptionally(error -> null))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(answers);
    }
}
