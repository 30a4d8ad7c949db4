package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import java.util.List;
import java.util.Objects;

/**
 * A put or delete reached its write quorum.
 *
 * @param context        the history of the coordinator's copy right after the write. A client that writes again with
 *                       it overwrites this write <em>and {@code values}</em>, so it must treat {@code values} as read:
 *                       a version vector cannot cover the new dot without covering the coordinator's older dots,
 *                       which may belong to concurrent writes the client has not seen
 * @param values         the live values of the coordinator's copy after the write: this write's value (none for a
 *                       delete) plus any concurrent siblings the coordinator held
 * @param tombstones     concurrent deletes among the coordinator's siblings (this write's own one for a delete)
 * @param dot            the write's own dot, e.g. for logs and the simulation's history
 * @param coordinator    the node that versioned and replicated the write
 * @param acknowledgedBy the W replicas that acknowledged, in arrival order
 * @param usedHints      whether a stand-in took a preferred node's copy as a hint (sloppy quorum)
 */
public record ClientWriteResult(CausalContext context, List<Blob> values, int tombstones, Dot dot, NodeId coordinator,
        List<NodeId> acknowledgedBy, boolean usedHints) {

    public ClientWriteResult {
        Objects.requireNonNull(context, "context");
        values = List.copyOf(values);
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(coordinator, "coordinator");
        acknowledgedBy = List.copyOf(acknowledgedBy);
    }

    /** True when the coordinator held concurrent siblings besides this write: the client should resolve them. */
    public boolean hasSiblings() {
        return values.size() + tombstones > 1;
    }
}
