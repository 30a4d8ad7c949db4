package io.practicalsystems.kv.ring;

import java.util.Objects;
import java.util.Optional;

/**
 * Where one replica of a key goes: {@code node}, and — when {@code node} is a stand-in under sloppy quorum — the
 * preferred node that is down and whose copy {@code node} keeps as a hint until it returns.
 */
public record Placement(NodeId node, Optional<NodeId> hintFor) {

    public Placement {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(hintFor, "hintFor");
        if (hintFor.isPresent() && hintFor.get().equals(node)) {
            throw new IllegalArgumentException("node " + node + " cannot hold a hint for itself");
        }
    }

    public static Placement preferred(NodeId node) {
        return new Placement(node, Optional.empty());
    }

    public static Placement standIn(NodeId node, NodeId forDownNode) {
        return new Placement(node, Optional.of(forDownNode));
    }

    public boolean isStandIn() {
        return hintFor.isPresent();
    }

    @Override
    public String toString() {
        return hintFor.map(down -> node + "(for " + down + ")").orElse(node.toString());
    }
}
