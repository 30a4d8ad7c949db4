package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Before coordinating a write to a key it holds no copy of, the coordinator merges in the other replicas' copies.
 *
 * <p>Why: the new dot's counter is one above the coordinator's own counter in its stored copy. A node that once
 * coordinated writes to the key and later dropped its copy (a range that moved away and back, a collected
 * tombstone) would count from 1 again and reuse dots other replicas already know — and they would discard the new
 * write as already seen. The other replicas' histories carry the old counters.
 *
 * <p>Asks every reachable node the write will go to and waits for all of them to answer or fail. Unless at least
 * W − 1 of them, and at least one, answered (a copy or "missing"), the write is refused before anything is stored,
 * with {@link QuorumNotReachedException}: a node cut off from the others must not guess a counter. (The
 * deterministic simulation found this twice: a node that had handed a key off, became its replica again and was
 * then isolated reissued its old dots — first with W = 2, then with a W = 1 override.) Only a ring of one node, or
 * N = 1, writes a key it does not hold without asking anyone.
 *
 * <p>What remains unguarded: right after a ring change, replicas that have not yet received the range answer
 * "missing" too. Closing that needs durable per-node state the store does not offer — Riak's fix for the same
 * problem ("kv679") gives the coordinator a fresh actor ID, from a persisted epoch, whenever it writes a key it does
 * not hold.
 *
 * <p>Keys that exist locally, the common case, skip all of this.
 */
final class PriorVersionFetch {

    private final NodeContext node;

    PriorVersionFetch(NodeContext node) {
        this.node = node;
    }

    /**
     * Fails with a {@link QuorumNotReachedException} counting this node and the other nodes that answered, against
     * this node plus the answers required.
     *
     * @param targets the key's preferred replicas and the write's placements (stand-ins included); all but this node
     *                are asked, and those the membership considers unreachable count as failed
     * @param w       the write quorum; W − 1 answers (at least one, if there is anyone to ask) are required
     */
    CompletableFuture<Void> fetchIfAbsent(String key, List<NodeId> targets, int w) {
        if (node.replica().get(key).isPresent()) {
            return CompletableFuture.completedFuture(null);
        }
        byte[] keyBytes = ReplicaSets.keyBytes(key);
        List<NodeId> others = targets.stream().distinct().filter(other -> !other.equals(node.self())).toList();
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (NodeId other : others) {
            if (!node.membership().isReachable(other)) {
                answers.add(CompletableFuture.completedFuture(false));
                continue;
            }
            answers.add(Futures.safely(() -> node.transport().get(other, keyBytes)).thenApply(copy -> {
                copy.ifPresent(value -> node.replica().merge(key, value));
                return true;
            }).exceptionally(error -> false));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenAccept(done -> {
            List<NodeId> failed = new ArrayList<>();
            for (int i = 0; i < others.size(); i++) {
                if (!answers.get(i).join()) {
                    failed.add(others.get(i));
                }
            }
            int answered = others.size() - failed.size();
            int needed = Math.min(Math.max(w - 1, 1), others.size());
            if (answered < needed) {
                throw new QuorumNotReachedException("write", needed + 1, answered + 1, others.size() + 1, failed);
            }
        });
    }
}
