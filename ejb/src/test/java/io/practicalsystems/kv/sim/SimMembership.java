package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.membership.MembershipView;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.Set;
import java.util.TreeSet;

/**
 * A node's view of the cluster derived from the simulation's own knowledge, refreshed every {@code lagMillis}:
 * between refreshes the node keeps believing in nodes that just crashed or were cut off (and distrusting ones that
 * came back), like a failure detector that needs time to notice. Stands in for gossip in the simulation.
 */
final class SimMembership implements MembershipView {

    private final SimCluster cluster;
    private final NodeId viewer;
    private HashRing ring;
    private Set<NodeId> reachable = Set.of();

    SimMembership(SimCluster cluster, NodeId viewer) {
        this.cluster = cluster;
        this.viewer = viewer;
        refresh();
    }

    void refresh() {
        ring = cluster.ring();
        Set<NodeId> up = new TreeSet<>();
        for (NodeId node : ring.nodes()) {
            if (cluster.isUp(node) && cluster.network().connected(viewer, node)) {
                up.add(node);
            }
        }
        reachable = up;
    }

    @Override
    public HashRing ring() {
        return ring;
    }

    @Override
    public boolean isReachable(NodeId node) {
        return reachable.contains(node);
    }
}
