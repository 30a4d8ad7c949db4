package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Coordinator;
import io.practicalsystems.kv.coordinator.Futures;
import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import io.practicalsystems.kv.storage.ReplicaStore;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A client put or delete: forward it to a preferred replica unless this node is one; there, version it against the
 * local copy ({@link io.practicalsystems.kv.storage.ReplicaStore#update}, a fresh dot of this node's current actor)
 * and replicate the new copy to the key's placements through the {@link Coordinator}, completing at W
 * acknowledgements.
 *
 * <p>A key this node holds no copy of is versioned against nothing: no other replica is asked first. That is safe
 * because a store that forgot a key it had written issues later dots under a fresh actor
 * ({@code kv.storage.ActorEpoch}), whose history claims no write it has not seen: the other replicas' values are
 * kept, or replaced because the client's context covers them, exactly as if this node had held them.
 */
final class ClientWritePath {

    private final NodeContext node;
    private final VersionReconciler reconciler = new VersionReconciler();

    ClientWritePath(NodeContext node) {
        this.node = node;
    }

    /** A write received from a client: coordinate here if this node is a preferred replica, else forward. */
    CompletableFuture<ClientWriteResult> write(ClientWrite write) {
        try {
            HashRing ring = node.membership().ring();
            QuorumConfig quorum = ReplicaSets.forRequest(node.config().quorum(), write.overrides(), ring, "write");
            List<NodeId> preferred = ReplicaSets.preferenceList(ring, write.key(), quorum.n());
            if (preferred.contains(node.self())) {
                return coordinate(write, ring, quorum);
            }
            return forward(write, quorum, preferred);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** A write forwarded by another node: coordinated here, whatever this node's ring says (no forwarding loops). */
    CompletableFuture<ClientWriteResult> coordinate(ClientWrite write) {
        try {
            HashRing ring = node.membership().ring();
            QuorumConfig quorum = ReplicaSets.forRequest(node.config().quorum(), write.overrides(), ring, "write");
            return coordinate(write, ring, quorum);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<ClientWriteResult> forward(ClientWrite write, QuorumConfig quorum,
            List<NodeId> preferred) {
        Optional<NodeId> target = preferred.stream().filter(node.membership()::isReachable).findFirst();
        if (target.isEmpty()) {
            // Nothing was sent, so nothing was written: a definite failure, reported like any unmet quorum.
            return CompletableFuture.failedFuture(
                    new QuorumNotReachedException("write", quorum.w(), 0, 0, preferred));
        }
        node.counters().increment(NodeCounters.FORWARDED_WRITES);
        NodeId coordinator = target.get();
        return Futures.safely(() -> node.transport().forwardWrite(coordinator, write))
                .handle((result, error) -> {
                    if (error == null) {
                        return result;
                    }
                    Throwable cause = Futures.unwrap(error);
                    if (cause instanceof QuorumNotReachedException || cause instanceof ObjectLimitExceededException
                            || cause instanceof IllegalArgumentException) {
                        throw new CompletionException(cause); // the coordinator's own verdict
                    }
                    throw new CompletionException(new ForwardingFailedException(coordinator, cause));
                });
    }

    private CompletableFuture<ClientWriteResult> coordinate(ClientWrite write, HashRing ring, QuorumConfig quorum) {
        node.counters().increment(NodeCounters.COORDINATED_WRITES);
        Versioned<Blob> value = write.value()
                .map(blob -> Versioned.of(blob, node.scheduler().now()))
                .orElseGet(() -> Versioned.tombstone(node.scheduler().now()));
        ReplicaStore.Written written = node.replica().update(write.key(), write.context(), value, node.self());
        DottedVersionVectorSet<Blob> copy = written.copy();
        Coordinator<DottedVersionVectorSet<Blob>> coordinator = new Coordinator<>(() -> ring, quorum,
                node.membership()::isReachable, node.replicas(), reconciler);
        return coordinator.put(write.key(), copy, RequestOverrides.none())
                .thenApply(result -> new ClientWriteResult(copy.context(), copy.liveValues(),
                        (int) copy.values().stream().filter(Versioned::isTombstone).count(), written.dot(),
                        node.self(), result.acknowledgedBy(), result.usedHints()));
    }
}
