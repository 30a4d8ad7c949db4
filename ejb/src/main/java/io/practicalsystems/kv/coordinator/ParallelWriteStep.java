package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Step 2: send the versioned value to every placement at once and complete at the W-th acknowledgement.
 *
 * <p>All N are written, not just W: the extra copies are what let a later read with a different quorum find the
 * value, and W only decides how long the client waits. Fails with {@link QuorumNotReachedException} as soon as
 * more than {@code placements - W} replicas failed; if fewer than W placements exist (sloppy quorum with too few
 * healthy nodes) nothing is sent.
 */
public final class ParallelWriteStep<V> {

    private final ReplicaClient<V> replicas;

    public ParallelWriteStep(ReplicaClient<V> replicas) {
        this.replicas = replicas;
    }

    public CompletableFuture<WriteResult> write(String key, V value, List<Placement> placements, int w) {
        QuorumCollector<NodeId> acks = new QuorumCollector<>("write", w, placements.size());
        if (placements.size() >= w) {
            for (Placement placement : placements) {
                Futures.safely(() -> replicas.put(placement.node(), key, value, placement.hintFor()))
                        .whenComplete((ok, error) -> {
                            if (error == null) {
                                acks.succeeded(placement.node());
                            } else {
                                acks.failed(placement.node(), error);
                            }
                        });
            }
        }
        return acks.quorum().thenApply(acknowledged -> new WriteResult(acknowledged, placements));
    }
}
