package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.Objects;
import java.util.function.Predicate;

/** A fixed ring and a given reachability rule: the one-node default and tests that do not exercise gossip. */
public final class StaticMembership implements MembershipView {

    private final HashRing ring;
    private final Predicate<NodeId> reachable;

    public StaticMembership(HashRing ring, Predicate<NodeId> reachable) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.reachable = Objects.requireNonNull(reachable, "reachable");
    }

    /** Every member always reachable. */
    public static StaticMembership allReachable(HashRing ring) {
        return new StaticMembership(ring, node -> true);
    }

    @Override
    public HashRing ring() {
        return ring;
    }

    @Override
    public boolean isReachable(NodeId node) {
        return ring.nodes().contains(node) && reachable.test(node);
    }
}
