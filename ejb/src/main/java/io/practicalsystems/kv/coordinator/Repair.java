package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;

/** Read repair of one stale replica: {@code node} should receive {@code value} (the reconciled one). */
public record Repair<V>(NodeId node, V value) {
}
