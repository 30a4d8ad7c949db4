package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.RangeMove;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Range moves after a membership change: when the ring differs from the last one seen, the moves
 * {@link HashRing#movesBetween} assigns to this node as the source are queued, and each is streamed to its new
 * replica (every key of the range, in batches, merged there) until that replica acknowledged it. A move whose
 * target no longer replicates the range under the current ring is dropped. This node's own copies of ranges it
 * lost are dropped later by the {@link HandoffSweep}, only once all of the range's replicas have acknowledged them.
 *
 * <p>Moves whose source crashed are not lost either: the new replica's anti-entropy rounds pull the range from the
 * other replicas.
 */
final class RangeHandoff {

    private final NodeContext node;
    private final Set<RangeMove> pending = new LinkedHashSet<>();
    private HashRing lastRing;
    private boolean pushing;

    RangeHandoff(NodeContext node, HashRing initialRing) {
        this.node = node;
        this.lastRing = initialRing;
    }

    synchronized int pendingMoves() {
        return pending.size();
    }

    CompletableFuture<Void> checkRing(HashRing current) {
        List<RangeMove> toPush;
        synchronized (this) {
            if (!lastRing.vnodesByNode().equals(current.vnodesByNode())) {
                // A ring of only this node is what a node sees right after starting, before it has heard from the
                // others; "moving" everything from it would stream the whole store at every restart. A real
                // one-node cluster that grows is covered by the newcomers' anti-entropy.
                if (!lastRing.nodes().equals(Set.of(node.self()))) {
                    for (RangeMove move : HashRing.movesBetween(lastRing, current, node.config().quorum().n())) {
                        if (move.from().equals(node.self())) {
                            pending.add(move);
                        }
                    }
                }
                lastRing = current;
            }
            if (pushing || pending.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            pushing = true;
            toPush = new ArrayList<>(pending);
        }
        return pushInOrder(current, toPush, 0).whenComplete((ok, error) -> {
            synchronized (this) {
                pushing = false;
            }
        });
    }

    private CompletableFuture<Void> pushInOrder(HashRing ring, List<RangeMove> moves, int index) {
        if (index >= moves.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return push(ring, moves.get(index)).thenCompose(ignored -> pushInOrder(ring, moves, index + 1));
    }

    /** Streams one move; completes normally either way (a failed move stays pending for the next check). */
    private CompletableFuture<Void> push(HashRing ring, RangeMove move) {
        int n = ReplicaSets.replicas(node.config().quorum(), ring);
        if (!ring.preferenceListAt(move.range().end(), n).contains(move.to())) {
            forget(move);
            return CompletableFuture.completedFuture(null);
        }
        if (!node.membership().isReachable(move.to())) {
            return CompletableFuture.completedFuture(null);
        }
        List<KeyedCopy> copies = node.replica().copiesInRange(move.range());
        return Batches.send(copies, node.config().batchSize(), batch -> node.transport().mergeBatch(move.to(), batch))
                .handle((ok, error) -> {
                    if (error == null) {
                        forget(move);
                        node.counters().increment(NodeCounters.RANGE_MOVES_DONE);
                    }
                    return null;
                });
    }

    private synchronized void forget(RangeMove move) {
        pending.remove(move);
    }
}
