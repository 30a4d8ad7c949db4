package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.ReplicaClient;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The coordinator's replica client: calls to this node go straight to its own handlers, calls to others through the
 * transport. A coordinator is one of the key's replicas, so one of its W acknowledgements is its own store.
 */
final class LocalFirstReplicaClient implements ReplicaClient<DottedVersionVectorSet<Blob>> {

    private final NodeId self;
    private final KvNode local;
    private final ReplicaClient<DottedVersionVectorSet<Blob>> remote;

    LocalFirstReplicaClient(NodeId self, KvNode local, ReplicaClient<DottedVersionVectorSet<Blob>> remote) {
        this.self = self;
        this.local = local;
        this.remote = remote;
    }

    @Override
    public CompletableFuture<Void> put(NodeId node, String key, DottedVersionVectorSet<Blob> value,
            Optional<NodeId> hintFor) {
        if (!node.equals(self)) {
            return remote.put(node, key, value, hintFor);
        }
        try {
            local.handleReplicaPut(key, value, hintFor);
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Optional<DottedVersionVectorSet<Blob>>> get(NodeId node, String key) {
        if (!node.equals(self)) {
            return remote.get(node, key);
        }
        try {
            return CompletableFuture.completedFuture(local.handleReplicaGet(key));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
