package io.practicalsystems.kv.application;

import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import jakarta.json.bind.Jsonb;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A node's side of the WebSocket peer link: one request message in, one answer message out — at once for a replica
 * read or write, once its quorum is decided for a forwarded client write.
 */
final class PeerRequests {

    private PeerRequests() {
    }

    static CompletableFuture<ByteBuffer> answer(Supplier<KvNode> nodes, Jsonb jsonb, ByteBuffer message) {
        PeerFrames.Request request;
        try {
            request = PeerFrames.request(message);
        } catch (IllegalArgumentException e) {
            // No trustworthy id to answer to; id 0 is never used by a caller, so nothing is completed wrongly.
            return CompletableFuture.completedFuture(PeerFrames.failed(0, "malformed peer request: " + e.getMessage()));
        }
        try {
            KvNode node = nodes.get(); // throws while the node is not running: answered as a failure
            return switch (request.kind()) {
                case PeerFrames.PUT -> {
                    node.handleReplicaPut(request.key(), SiblingSetCodec.decode(request.body()),
                            request.hintFor().map(NodeId::of));
                    yield CompletableFuture.completedFuture(PeerFrames.done(request.id()));
                }
                case PeerFrames.GET -> CompletableFuture.completedFuture(node.handleReplicaGet(request.key())
                        .map(copy -> PeerFrames.copy(request.id(), SiblingSetCodec.encode(copy)))
                        .orElseGet(() -> PeerFrames.done(request.id())));
                default -> coordinate(node, jsonb, request);
            };
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(request.id(), e));
        }
    }

    /** A forwarded client write: coordinated here; the answer says whether it reached its quorum. */
    private static CompletableFuture<ByteBuffer> coordinate(KvNode node, Jsonb jsonb, PeerFrames.Request request) {
        KvWire.Write write = jsonb.fromJson(new String(request.body(), StandardCharsets.UTF_8), KvWire.Write.class);
        return node.handleForwardedWrite(KvWire.write(write)).handle((result, failure) -> {
            if (failure == null) {
                return PeerFrames.outcome(PeerFrames.WRITTEN, request.id(), json(jsonb, KvWire.result(result)));
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof QuorumNotReachedException q) {
                return PeerFrames.outcome(PeerFrames.NO_QUORUM, request.id(), json(jsonb, KvWire.failure(q)));
            }
            return failed(request.id(), cause);
        });
    }

    private static byte[] json(Jsonb jsonb, Object value) {
        return jsonb.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    private static ByteBuffer failed(long id, Throwable e) {
        return PeerFrames.failed(id, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
}
