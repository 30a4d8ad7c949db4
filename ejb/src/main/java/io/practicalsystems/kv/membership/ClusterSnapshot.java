package io.practicalsystems.kv.membership;

import java.util.List;

/**
 * One node's view of the cluster, for {@code GET /api/kv-cluster}: strings and numbers only, so it serialises to
 * JSON as is.
 *
 * @param self        the node that answered
 * @param evaluatedAt ISO-8601 instant the reachability verdicts and phi values refer to (the latest tick or gossip)
 * @param ringNodes   members currently in this node's ring
 * @param members     every member it knows, sorted by ID, including itself and members that left
 */
public record ClusterSnapshot(String self, String evaluatedAt, int ringNodes, List<Member> members) {

    public ClusterSnapshot {
        members = List.copyOf(members);
    }

    /**
     * @param id           node ID
     * @param address      where it is reached
     * @param status       {@link MemberStatus} name
     * @param reachability {@link Reachability} name; always {@code ALIVE} for the answering node itself
     * @param phi          failure detector suspicion at {@code evaluatedAt}; 0 for the answering node
     * @param generation   incarnation (start time in epoch milliseconds)
     * @param heartbeat    version within the generation
     * @param vnodes       ring tokens
     * @param ownership    fraction of the ring it owns as primary replica, 0 when not in the ring; the fractions of
     *                     all members sum to 1
     */
    public record Member(String id, String address, String status, String reachability, double phi,
                         long generation, long heartbeat, int vnodes, double ownership) {
    }
}
