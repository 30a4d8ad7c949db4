package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Optional;

/**
 * What the replicas' answers add up to.
 *
 * @param value   the merged value for the client; empty when no replica had the key
 * @param repairs the replicas that lack part of {@code value}, each with the value to send it
 */
public record Reconciliation<V>(Optional<V> value, List<Repair<V>> repairs) {

    public Reconciliation {
        repairs = List.copyOf(repairs);
    }

    public List<NodeId> staleNodes() {
        return repairs.stream().map(Repair::node).toList();
    }
}
