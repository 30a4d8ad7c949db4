package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Ring questions a node asks about itself, with N capped at the ring's size. Pure. */
final class ReplicaSets {

    private ReplicaSets() {
    }

    /** The configured quorum on a ring of this size: a ring smaller than N keeps a copy on every node. */
    static QuorumConfig effective(QuorumConfig configured, HashRing ring) {
        int nodes = ring.nodes().size();
        if (configured.n() <= nodes) {
            return configured;
        }
        return new QuorumConfig(nodes, Math.min(configured.r(), nodes), Math.min(configured.w(), nodes),
                configured.mode());
    }

    static int replicas(QuorumConfig configured, HashRing ring) {
        return Math.min(configured.n(), ring.nodes().size());
    }

    static byte[] keyBytes(String key) {
        return key.getBytes(StandardCharsets.UTF_8);
    }

    static List<NodeId> preferenceList(HashRing ring, String key, int n) {
        return ring.preferenceList(keyBytes(key), n);
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
