package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * The hints a stand-in node holds, one FIFO per target node, delivered by {@link #drainTo} when the target is back.
 *
 * <p><b>Bounded, dropping the oldest.</b> Each target keeps at most {@code maxHintsPerTarget} hints; adding to a
 * full queue drops that target's oldest hint. A node that is down for hours must not exhaust the stand-in's
 * memory, and the oldest hints are the likeliest to have been superseded by newer writes or already fixed by read
 * repair. A dropped hint leaves the target stale until read repair or anti-entropy (Merkle trees) catches it up;
 * the write itself survives on the other replicas that acknowledged it (all of them unless W = 1 and the stand-in
 * was the only one). {@link #dropped(NodeId)} counts drops, for a metric.
 *
 * <p><b>Delivery.</b> Oldest first, one at a time, so a node that just came back is not flooded; the first
 * failure stops the drain and puts the undelivered hints back at the front, in order. One drain per target runs
 * at a time: a second call while one runs gets the same future, and hints added meanwhile wait for the next drain.
 * Thread-safe, with no clock or thread of its own: the service decides when to drain (e.g. when the failure
 * detector sees the target up again, and periodically for {@link #targets()}).
 */
public final class HintedHandoffQueue<V> {

    private final int maxHintsPerTarget;
    private final Map<NodeId, Deque<Hint<V>>> queues = new HashMap<>();
    private final Map<NodeId, Long> dropped = new HashMap<>();
    private final Map<NodeId, CompletableFuture<DrainResult>> draining = new HashMap<>();

    public HintedHandoffQueue(int maxHintsPerTarget) {
        if (maxHintsPerTarget < 1) {
            throw new IllegalArgumentException("maxHintsPerTarget must be >= 1, got " + maxHintsPerTarget);
        }
        this.maxHintsPerTarget = maxHintsPerTarget;
    }

    /** Queues a hint; returns false when that dropped the target's oldest hint to make room. */
    public synchronized boolean add(Hint<V> hint) {
        Deque<Hint<V>> queue = queues.computeIfAbsent(hint.target(), target -> new ArrayDeque<>());
        queue.addLast(hint);
        return trim(hint.target(), queue) == 0;
    }

    public synchronized int size(NodeId target) {
        Deque<Hint<V>> queue = queues.get(target);
        return queue == null ? 0 : queue.size();
    }

    /** Targets with at least one waiting hint, sorted: what a periodic hand-off task checks. */
    public synchronized Set<NodeId> targets() {
        Set<NodeId> result = new TreeSet<>();
        queues.forEach((target, queue) -> {
            if (!queue.isEmpty()) {
                result.add(target);
            }
        });
        return result;
    }

    public synchronized List<Hint<V>> hintsFor(NodeId target) {
        Deque<Hint<V>> queue = queues.get(target);
        return queue == null ? List.of() : List.copyOf(queue);
    }

    public synchronized long dropped(NodeId target) {
        return dropped.getOrDefault(target, 0L);
    }

    /**
     * Delivers {@code target}'s hints through {@code client} as ordinary puts (no hint: the target is the owner).
     * The returned future never fails; see {@link DrainResult}.
     */
    public CompletableFuture<DrainResult> drainTo(ReplicaClient<V> client, NodeId target) {
        Deque<Hint<V>> batch;
        CompletableFuture<DrainResult> result;
        synchronized (this) {
            CompletableFuture<DrainResult> running = draining.get(target);
            if (running != null) {
                return running;
            }
            Deque<Hint<V>> queue = queues.remove(target);
            batch = queue == null ? new ArrayDeque<>() : queue;
            result = new CompletableFuture<>();
            draining.put(target, result);
        }
        deliver(client, target, batch, 0, result);
        return result;
    }

    /**
     * Sends hints one after another. Loops while puts complete synchronously (an in-memory or local client) and
     * continues from the callback otherwise, so thousands of hints never nest thousands of stack frames.
     */
    private void deliver(ReplicaClient<V> client, NodeId target, Deque<Hint<V>> batch, int deliveredSoFar,
            CompletableFuture<DrainResult> result) {
        int delivered = deliveredSoFar;
        while (!batch.isEmpty()) {
            Hint<V> next = batch.peekFirst();
            CompletableFuture<Void> put = Futures.safely(
                    () -> client.put(target, next.key(), next.value(), Optional.empty()));
            if (!put.isDone()) {
                int deliveredBefore = delivered;
                put.whenComplete((ok, error) -> {
                    if (error != null) {
                        finish(target, batch, deliveredBefore, result);
                    } else {
                        batch.pollFirst();
                        deliver(client, target, batch, deliveredBefore + 1, result);
                    }
                });
                return;
            }
            if (put.isCompletedExceptionally()) {
                break;
            }
            batch.pollFirst();
            delivered++;
        }
        finish(target, batch, delivered, result);
    }

    private void finish(NodeId target, Deque<Hint<V>> undelivered, int delivered,
            CompletableFuture<DrainResult> result) {
        int requeued = undelivered.size();
        synchronized (this) {
            if (!undelivered.isEmpty()) {
                // Back in front of anything added during the drain, keeping the original order.
                Deque<Hint<V>> queue = queues.computeIfAbsent(target, t -> new ArrayDeque<>());
                undelivered.descendingIterator().forEachRemaining(queue::addFirst);
                trim(target, queue);
            }
            draining.remove(target);
        }
        result.complete(new DrainResult(target, delivered, requeued));
    }

    /** Drops the oldest hints beyond the bound; returns how many. Caller holds the lock. */
    private int trim(NodeId target, Deque<Hint<V>> queue) {
        int removed = 0;
        while (queue.size() > maxHintsPerTarget) {
            queue.pollFirst();
            removed++;
        }
        if (removed > 0) {
            dropped.merge(target, (long) removed, Long::sum);
        }
        return removed;
    }
}
