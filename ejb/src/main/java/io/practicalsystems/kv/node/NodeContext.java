package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.ReplicaClient;
import io.practicalsystems.kv.membership.MembershipView;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;

/**
 * What a node's parts share; one per {@link KvNode}. {@code replicas} is the coordinator's client: local calls
 * short-circuited, failed puts to preferred replicas kept as hints.
 */
record NodeContext(NodeId self, LocalReplica replica, MembershipView membership, NodeTransport transport,
        ReplicaClient<DottedVersionVectorSet<Blob>> replicas, Scheduler scheduler, KvNodeConfig config,
        NodeCounters counters) {
}
