package io.practicalsystems.kv.membership;

/**
 * Where a member is in its life in the cluster; only the member itself moves its status, always forward, and
 * every move also raises its heartbeat version so the newer entry wins everywhere.
 *
 * <p>There is deliberately no JOINING phase (Cassandra's bootstrap): as in Dynamo, a node enters the ring as soon
 * as it starts, and the ring-change notification on the other nodes makes them hand over the ranges it now owns.
 */
public enum MemberStatus {
    /** In the ring, serving. */
    NORMAL,
    /** Still in the ring while it hands its ranges to their next owners (graceful leave, first half). */
    LEAVING,
    /** Out of the ring for good in this generation; only a restart (new generation) brings the node back. */
    LEFT;

    /** Whether a member with this status owns ring tokens. */
    public boolean inRing() {
        return this != LEFT;
    }
}
