package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.util.List;

/** Ring questions a node asks about itself. Pure. */
final class ReplicaSets {

    private ReplicaSets() {
    }

    /**
     * The quorum of one client request: the configured one with the request's overrides.
     *
     * @throws RingTooSmallException    if the ring has fewer than N nodes
     * @throws IllegalArgumentException for an invalid override
     */
    static QuorumConfig forRequest(QuorumConfig configured, RequestOverrides overrides, HashRing ring,
            String operation) {
        QuorumConfig quorum = configured.with(overrides);
        if (ring.nodes().size() < quorum.n()) {
            throw new RingTooSmallException(operation, "read".equals(operation) ? quorum.r() : quorum.w(),
                    ring.nodes().size(), quorum.n());
        }
        return quorum;
    }

    /** N for maintenance: a ring smaller than N keeps a copy on every node. */
    static int replicas(QuorumConfig configured, HashRing ring) {
        return Math.min(configured.n(), ring.nodes().size());
    }

    static List<NodeId> preferenceList(HashRing ring, String key, int n) {
        return ring.preferenceList(key, n);
    }

    /** The ranges {@code self} stores as one of {@code n} replicas; empty if it is not in the ring. */
    static List<TokenRange> replicatedBy(HashRing ring, NodeId self, int n) {
        return ring.replicatedRanges(n).getOrDefault(self, List.of());
    }

    /** The other replicas of {@code range}, in preference order. */
    static List<NodeId> peersOf(HashRing ring, TokenRange range, NodeId self, int n) {
        return ring.preferenceListAt(range.end(), n).stream().filter(node -> !node.equals(self)).toList();
    }
}
