package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of one node for the cluster view ({@code /api/kv-cluster}) and tests.
 *
 * @param node                 this node
 * @param at                   when the snapshot was taken (scheduler time)
 * @param running              whether periodic maintenance is scheduled
 * @param quorum               the configured N/R/W, e.g. {@code "3/2/2"}
 * @param mode                 {@code STRICT} or {@code SLOPPY}
 * @param ringNodes            members of the ring this node currently uses
 * @param keyCount             keys in the local store (own replicas, stand-in copies, not-yet-handed-off keys)
 * @param hintsByTarget        queued hints per down node this node stands in for (only non-empty queues)
 * @param hintsDropped         hints dropped from full queues, per target
 * @param pendingRangeMoves    range moves from this node not yet acknowledged by their new owner
 * @param counters             monotonic event counts since start, by name (see {@link NodeCounters})
 */
public record NodeStatus(NodeId node, Instant at, boolean running, String quorum, String mode, int ringNodes,
        long keyCount, Map<NodeId, Integer> hintsByTarget, Map<NodeId, Long> hintsDropped, int pendingRangeMoves,
        Map<String, Long> counters) {

    public NodeStatus {
        hintsByTarget = Collections.unmodifiableMap(new TreeMap<>(hintsByTarget));
        hintsDropped = Collections.unmodifiableMap(new TreeMap<>(hintsDropped));
        counters = Collections.unmodifiableMap(new TreeMap<>(counters));
    }

    /** Hints waiting for all targets together. */
    public int hintsQueued() {
        return hintsByTarget.values().stream().mapToInt(Integer::intValue).sum();
    }
}
