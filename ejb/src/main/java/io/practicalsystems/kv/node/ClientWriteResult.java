package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import java.util.List;
import java.util.Objects;

/**
 * A put or delete reached its write quorum.
 *
 * @param context        the coordinator's copy right after the write: a client that writes again with it overwrites
 *                       this write (and whatever it overwrote) without reading first
 * @param dot            the write's own dot, e.g. for logs and the simulation's history
 * @param coordinator    the node that versioned and replicated the write
 * @param acknowledgedBy the W replicas that acknowledged, in arrival order
 * @param usedHints      whether a stand-in took a preferred node's copy as a hint (sloppy quorum)
 */
public record ClientWriteResult(CausalContext context, Dot dot, NodeId coordinator, List<NodeId> acknowledgedBy,
        boolean usedHints) {

    public ClientWriteResult {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(coordinator, "coordinator");
        acknowledgedBy = List.copyOf(acknowledgedBy);
    }
}
