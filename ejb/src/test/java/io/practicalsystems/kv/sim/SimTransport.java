package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.node.AntiEntropyExchange;
import io.practicalsystems.kv.node.ClientWrite;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.node.KeyedCopy;
import io.practicalsystems.kv.node.NodeTransport;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/** One incarnation's {@link NodeTransport} over the {@link SimNetwork}: each call runs the target's handler. */
final class SimTransport implements NodeTransport {

    private final SimNetwork network;
    private final Incarnation self;

    SimTransport(SimNetwork network, Incarnation self) {
        this.network = network;
        this.self = self;
    }

    @Override
    public CompletableFuture<Void> put(NodeId node, String key, DottedVersionVectorSet<Blob> value,
            Optional<NodeId> hintFor) {
        return network.call(self, node, target -> now(() -> {
            target.node().handleReplicaPut(key, value, hintFor);
            return null;
        }));
    }

    @Override
    public CompletableFuture<Optional<DottedVersionVectorSet<Blob>>> get(NodeId node, String key) {
        return network.call(self, node, target -> now(() -> target.node().handleReplicaGet(key)));
    }

    @Override
    public CompletableFuture<ClientWriteResult> forwardWrite(NodeId coordinator, ClientWrite write) {
        return network.call(self, coordinator, target -> target.node().handleForwardedWrite(write));
    }

    @Override
    public CompletableFuture<List<byte[]>> merkleLeaves(NodeId node, TokenRange range, int depth,
            AntiEntropyExchange exchange) {
        return network.call(self, node, target -> now(() -> target.node().handleMerkleLeaves(range, depth, exchange)));
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> bucketDigests(NodeId node, TokenRange range, int depth,
            List<Integer> buckets, AntiEntropyExchange exchange) {
        return network.call(self, node,
                target -> now(() -> target.node().handleBucketDigests(range, depth, buckets, exchange)));
    }

    @Override
    public CompletableFuture<List<KeyedCopy>> fetch(NodeId node, List<String> keys) {
        return network.call(self, node, target -> now(() -> target.node().handleFetch(keys)));
    }

    @Override
    public CompletableFuture<Void> mergeBatch(NodeId node, List<KeyedCopy> copies) {
        return network.call(self, node, target -> now(() -> {
            target.node().handleMergeBatch(copies);
            return null;
        }));
    }

    private static <T> CompletableFuture<T> now(Supplier<T> handler) {
        try {
            return CompletableFuture.completedFuture(handler.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
