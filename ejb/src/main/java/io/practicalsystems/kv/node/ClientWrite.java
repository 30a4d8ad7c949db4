package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's put or delete as forwarded from the node that received it to a node that can coordinate it.
 *
 * @param key       the key
 * @param context   the causal context the client sent (empty for a blind write)
 * @param value     the new value; empty for a delete (a tombstone)
 * @param overrides the request's R/W overrides
 */
public record ClientWrite(String key, CausalContext context, Optional<Blob> value, RequestOverrides overrides) {

    public ClientWrite {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(overrides, "overrides");
    }

    public static ClientWrite put(String key, CausalContext context, Blob value, RequestOverrides overrides) {
        return new ClientWrite(key, context, Optional.of(value), overrides);
    }

    public static ClientWrite delete(String key, CausalContext context, RequestOverrides overrides) {
        return new ClientWrite(key, context, Optional.empty(), overrides);
    }

    public boolean isDelete() {
        return value.isEmpty();
    }
}
