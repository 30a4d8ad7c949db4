package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Objects;
import java.util.Optional;

/** One replica's answer to a read: what it holds for the key, empty if nothing. */
public record NodeResponse<V>(NodeId node, Optional<V> value) {

    public NodeResponse {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(value, "value");
    }

    public static <V> NodeResponse<V> of(NodeId node, V value) {
        return new NodeResponse<>(node, Optional.of(value));
    }

    public static <V> NodeResponse<V> missing(NodeId node) {
        return new NodeResponse<>(node, Optional.empty());
    }
}
