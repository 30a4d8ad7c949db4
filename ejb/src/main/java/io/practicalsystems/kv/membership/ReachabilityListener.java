package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.NodeId;

/**
 * Told when the failure detector's verdict on a member changes, e.g. to deliver hints once it is ALIVE again. Members
 * that left are watched too until they stop gossiping, so check the ring before acting on a verdict.
 */
@FunctionalInterface
public interface ReachabilityListener {

    void reachabilityChanged(NodeId node, Reachability before, Reachability after);
}
