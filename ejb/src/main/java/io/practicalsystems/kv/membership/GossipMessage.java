package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;

/**
 * One gossip message, either direction of a push-pull exchange: the initiator sends its whole member table, the
 * receiver merges it and answers with the rows it knows newer versions of (or the initiator lacks).
 *
 * <p>Whole tables rather than Cassandra's digest round (SYN digests, ACK deltas, ACK2): a row is ~100 bytes, and
 * for the tens of nodes this store targets one message beats an extra round trip.
 *
 * @param from    the sender's node ID, for logs and the cluster view
 * @param entries member rows; at most one per node
 */
public record GossipMessage(String from, List<GossipEntry> entries) {

    public GossipMessage {
        NodeId.of(from);
        entries = List.copyOf(entries);
        if (entries.stream().map(GossipEntry::node).distinct().count() != entries.size()) {
            throw new IllegalArgumentException("a gossip message carries at most one entry per node");
        }
    }
}
