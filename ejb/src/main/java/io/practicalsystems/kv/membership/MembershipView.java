package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;

/**
 * What a node currently believes about the cluster: who owns which key ranges, and who answers.
 *
 * <p>Two different questions on purpose, as in Dynamo: the ring changes only by explicit membership changes (join,
 * graceful leave), never because a node stopped answering; a crashed node keeps its ranges, the failure detector
 * marks it unreachable, and sloppy quorum plus hinted handoff cover for it until it is back.
 */
public interface MembershipView {

    /** The current ring: the members that joined and have not left. */
    HashRing ring();

    /** Whether the failure detector currently considers {@code node} up (neither suspected nor dead). */
    boolean isReachable(NodeId node);
}
