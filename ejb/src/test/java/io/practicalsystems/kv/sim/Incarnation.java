package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.membership.GossipMembership;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.ring.NodeId;

/** One run of a node's process, from boot to crash. Its in-memory state dies with it; its store does not. */
public final class Incarnation {

    private final NodeId id;
    private final int number;
    private boolean alive = true;
    private KvNode node;
    private GossipMembership gossip;

    Incarnation(NodeId id, int number) {
        this.id = id;
        this.number = number;
    }

    public NodeId id() {
        return id;
    }

    public boolean alive() {
        return alive;
    }

    void kill() {
        alive = false;
    }

    public KvNode node() {
        return node;
    }

    void attach(KvNode kvNode) {
        this.node = kvNode;
    }

    /** Its gossip membership; null when the simulation's oracle stands in for gossip. */
    public GossipMembership gossip() {
        return gossip;
    }

    void attach(GossipMembership membership) {
        this.gossip = membership;
    }

    @Override
    public String toString() {
        return id + "#" + number + (alive ? "" : "(dead)");
    }
}
