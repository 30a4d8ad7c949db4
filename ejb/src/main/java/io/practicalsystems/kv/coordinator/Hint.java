package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Objects;

/**
 * A write kept by a stand-in for {@code target}, a preferred replica that was down, to be handed over when it
 * returns.
 */
public record Hint<V>(NodeId target, String key, V value) {

    public Hint {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
