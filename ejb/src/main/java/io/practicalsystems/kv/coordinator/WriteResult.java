package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.Placement;
import java.util.List;

/**
 * A write reached its quorum.
 *
 * @param acknowledgedBy the W replicas whose acknowledgement completed the quorum, in arrival order (others may
 *                       acknowledge later)
 * @param placements     every replica the write was sent to, stand-ins with the node they hold a hint for
 */
public record WriteResult(List<NodeId> acknowledgedBy, List<Placement> placements) {

    public WriteResult {
        acknowledgedBy = List.copyOf(acknowledgedBy);
        placements = List.copyOf(placements);
    }

    /** True when a stand-in was needed: the write is durable but not yet on all of its preferred nodes. */
    public boolean usedHints() {
        return placements.stream().anyMatch(Placement::isStandIn);
    }
}
