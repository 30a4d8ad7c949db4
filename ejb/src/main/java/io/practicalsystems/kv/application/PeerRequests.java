package io.practicalsystems.kv.application;

import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** A node's side of the WebSocket peer link: one request message in, one answer message out. */
final class PeerRequests {

    private PeerRequests() {
    }

    static ByteBuffer answer(Supplier<KvNode> nodes, ByteBuffer message) {
        PeerFrames.Request request;
        try {
            request = PeerFrames.request(message);
        } catch (IllegalArgumentException e) {
            // No trustworthy id to answer to; id 0 is never used by a caller, so nothing is completed wrongly.
            return PeerFrames.failed(0, "malformed peer request: " + e.getMessage());
        }
        try {
            KvNode node = nodes.get(); // throws while the node is not running: answered as a failure
            if (request.kind() == PeerFrames.PUT) {
                node.handleReplicaPut(request.key(), SiblingSetCodec.decode(request.copy()),
                        request.hintFor().map(NodeId::of));
                return PeerFrames.done(request.id());
            }
            return node.handleReplicaGet(request.key())
                    .map(copy -> PeerFrames.copy(request.id(), SiblingSetCodec.encode(copy)))
                    .orElseGet(() -> PeerFrames.done(request.id()));
        } catch (RuntimeException e) {
            return PeerFrames.failed(request.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
