package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Futures;
import io.practicalsystems.kv.coordinator.Hint;
import io.practicalsystems.kv.coordinator.HintedHandoffQueue;
import io.practicalsystems.kv.coordinator.ReplicaClient;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The coordinator keeps a hint for a preferred replica that did not take its copy (Cassandra's coordinator-side
 * hints), on top of Dynamo's stand-in hints. Why both: when every node is already among a key's N replicas (three
 * nodes, N=3) there is no stand-in to take a down node's copy, and without this the node would stay stale until
 * read repair or anti-entropy reached each key. The failed put still counts as failed — a hint is not an
 * acknowledgement — and {@link HintDelivery} hands the copy over once the node is reachable again.
 */
final class HintingReplicaClient implements ReplicaClient<DottedVersionVectorSet<Blob>> {

    private final NodeId self;
    private final ReplicaClient<DottedVersionVectorSet<Blob>> replicas;
    private final HintedHandoffQueue<DottedVersionVectorSet<Blob>> hints;
    private final NodeCounters counters;

    HintingReplicaClient(NodeId self, ReplicaClient<DottedVersionVectorSet<Blob>> replicas,
            HintedHandoffQueue<DottedVersionVectorSet<Blob>> hints, NodeCounters counters) {
        this.self = self;
        this.replicas = replicas;
        this.hints = hints;
        this.counters = counters;
    }

    @Override
    public CompletableFuture<Void> put(NodeId node, String key, DottedVersionVectorSet<Blob> value,
            Optional<NodeId> hintFor) {
        CompletableFuture<Void> put = Futures.safely(() -> replicas.put(node, key, value, hintFor));
        if (node.equals(self) || hintFor.isPresent()) {
            return put; // our own store, or a stand-in that already keeps the hint
        }
        return put.whenComplete((ok, failure) -> {
            if (failure != null) {
                hints.add(new Hint<>(node, key, value));
                counters.increment(NodeCounters.HINTS_STORED);
            }
        });
    }

    @Override
    public CompletableFuture<Optional<DottedVersionVectorSet<Blob>>> get(NodeId node, String key) {
        return replicas.get(node, key);
    }
}
