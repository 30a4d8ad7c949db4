package io.practicalsystems.kv.node;

import io.practicalsystems.kv.membership.MembershipView;
import io.practicalsystems.kv.ring.NodeId;

/** What a node's parts share; one per {@link KvNode}. */
record NodeContext(NodeId self, LocalReplica replica, MembershipView membership, NodeTransport transport,
        LocalFirstReplicaClient replicas, Scheduler scheduler, KvNodeConfig config, NodeCounters counters) {
}
