package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A write kept by a stand-in for {@code target}, a preferred replica that was down, to be handed over when it
 * returns. The key is copied in and out, so a hint cannot change while it waits.
 */
public record Hint<V>(NodeId target, byte[] key, V value) {

    public Hint {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(value, "value");
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hint<?> hint && target.equals(hint.target) && Arrays.equals(key, hint.key)
                && value.equals(hint.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, Arrays.hashCode(key), value);
    }

    @Override
    public String toString() {
        return "Hint[target=" + target + ", key=" + HexFormat.of().formatHex(key) + ", value=" + value + "]";
    }
}
