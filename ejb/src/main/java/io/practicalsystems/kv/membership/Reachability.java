package io.practicalsystems.kv.membership;

/**
 * What the failure detector thinks of a member, from its phi value against two thresholds.
 *
 * <p>Only {@link #ALIVE} counts as reachable for requests ({@link MembershipView#isReachable}): a suspect is
 * skipped by sloppy quorum just like a dead node, because a request waiting on a node that is probably gone costs
 * a timeout. The two non-alive grades differ for people (the cluster view) and in how sure the detector is; a
 * heartbeat from either brings the node straight back to {@link #ALIVE}.
 */
public enum Reachability {
    /** phi below the suspect threshold. */
    ALIVE,
    /** phi at or above the suspect threshold, below the dead threshold. */
    SUSPECT,
    /** phi at or above the dead threshold. */
    DEAD
}
