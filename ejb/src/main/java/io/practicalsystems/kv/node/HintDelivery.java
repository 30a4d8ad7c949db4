package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.DrainResult;
import io.practicalsystems.kv.coordinator.HintedHandoffQueue;
import io.practicalsystems.kv.coordinator.ReplicaClient;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Hands queued hints to their targets once the membership sees them reachable again, oldest first, as ordinary
 * replica puts. The queue lives in memory and is lost with the process; the stand-in's stored copy is not, and the
 * {@link HandoffSweep} delivers it later in any case — this is the fast path.
 */
final class HintDelivery {

    private final NodeContext node;
    private final HintedHandoffQueue<DottedVersionVectorSet<Blob>> hints;

    HintDelivery(NodeContext node, HintedHandoffQueue<DottedVersionVectorSet<Blob>> hints) {
        this.node = node;
        this.hints = hints;
    }

    CompletableFuture<Void> deliverAll() {
        List<CompletableFuture<DrainResult>> drains = new ArrayList<>();
        Set<NodeId> members = node.membership().ring().nodes();
        for (NodeId target : hints.targets()) {
            if (!members.contains(target)) {
                // The target left the ring: its ranges have new replicas, which the hand-off sweep serves from
                // this node's stored copy. The hints would wait forever (and show in the cluster view), so go.
                drains.add(hints.drainTo(FORGET, target).whenComplete((result, error) ->
                        node.counters().add(NodeCounters.HINTS_DISCARDED, result == null ? 0 : result.delivered())));
            } else if (node.membership().isReachable(target)) {
                drains.add(hints.drainTo(node.transport(), target).whenComplete((result, error) -> {
                    if (result != null) {
                        node.counters().add(NodeCounters.HINTS_DELIVERED, result.delivered());
                    }
                }));
            }
        }
        return CompletableFuture.allOf(drains.toArray(CompletableFuture[]::new));
    }

    /** "Delivers" by dropping: for hints whose target is no longer a member. */
    private static final ReplicaClient<DottedVersionVectorSet<Blob>> FORGET =
            new ReplicaClient<>() {
                @Override
                public CompletableFuture<Void> put(NodeId target, String key, DottedVersionVectorSet<Blob> value,
                        Optional<NodeId> hintFor) {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public CompletableFuture<Optional<DottedVersionVectorSet<Blob>>> get(NodeId target, String key) {
                    return CompletableFuture.completedFuture(Optional.empty());
                }
            };
}
