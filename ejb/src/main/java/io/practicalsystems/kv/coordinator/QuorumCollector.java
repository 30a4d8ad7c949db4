package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Counts replica answers against a quorum: {@link #quorum()} completes at the {@code required}-th success, or
 * fails with {@link QuorumNotReachedException} once so many replicas failed that the rest cannot make up the
 * number; {@link #settled()} completes when every replica has answered, failed or been {@linkplain #notAsked not
 * asked} (for read repair).
 *
 * <p>Decisions are made under a lock, futures are completed outside it: completing a future runs the caller's
 * continuation on this thread, which must not happen while other replicas' answers wait for the lock.
 */
final class QuorumCollector<T> {

    private final String operation;
    private final int required;
    private final int contacted;
    private final List<T> successes = new ArrayList<>();
    private final List<NodeId> failedNodes = new ArrayList<>();
    private final List<Throwable> causes = new ArrayList<>();
    private final CompletableFuture<List<T>> quorum = new CompletableFuture<>();
    private final CompletableFuture<List<T>> settled = new CompletableFuture<>();
    private int notAsked;
    private boolean decided;

    QuorumCollector(String operation, int required, int contacted) {
        this.operation = operation;
        this.required = required;
        this.contacted = contacted;
        if (contacted < required) {
            // The caller sends nothing in this case (see the steps), so both outcomes are known now.
            decided = true;
            quorum.completeExceptionally(
                    new QuorumNotReachedException(operation, required, 0, contacted, List.of()));
            settled.complete(List.of());
        } else if (contacted == 0) {
            settled.complete(List.of());
        }
    }

    CompletableFuture<List<T>> quorum() {
        return quorum;
    }

    CompletableFuture<List<T>> settled() {
        return settled;
    }

    void succeeded(T result) {
        List<T> reached = null;
        List<T> all = null;
        synchronized (this) {
            successes.add(result);
            if (!decided && successes.size() >= required) {
                decided = true;
                reached = List.copyOf(successes);
            }
            if (answers() == contacted) {
                all = List.copyOf(successes);
            }
        }
        if (reached != null) {
            quorum.complete(reached);
        }
        if (all != null) {
            settled.complete(all);
        }
    }

    void failed(NodeId node, Throwable cause) {
        QuorumNotReachedException impossible = null;
        List<T> all = null;
        synchronized (this) {
            failedNodes.add(node);
            causes.add(Futures.unwrap(cause));
            if (!decided && contacted - failedNodes.size() < required) {
                decided = true;
                impossible = new QuorumNotReachedException(operation, required, successes.size(), contacted,
                        failedNodes);
                causes.forEach(impossible::addSuppressed);
            }
            if (answers() == contacted) {
                all = List.copyOf(successes);
            }
        }
        if (impossible != null) {
            quorum.completeExceptionally(impossible);
        }
        if (all != null) {
            settled.complete(all);
        }
    }

    /** {@code count} replicas will not be asked after all (a read whose quorum came from the others). */
    void notAsked(int count) {
        List<T> all = null;
        synchronized (this) {
            notAsked += count;
            if (count > 0 && answers() == contacted) {
                all = List.copyOf(successes);
            }
        }
        if (all != null) {
            settled.complete(all);
        }
    }

    private int answers() {
        return successes.size() + failedNodes.size() + notAsked;
    }
}
