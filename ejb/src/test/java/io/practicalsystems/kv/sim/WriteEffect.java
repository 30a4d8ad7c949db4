package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.Versioned;

/**
 * A write that took effect: a coordinator stored it under a fresh dot (whatever the client later heard). The
 * checker's ground truth: a value may only disappear if some effect's context covers its dot.
 */
public record WriteEffect(String key, Dot dot, CausalContext context, Versioned<Blob> value, NodeId coordinator,
        long atMillis) {

    public String describe() {
        return (value.isTombstone() ? "delete" : "put '" + value.value().utf8() + "'") + " dot " + dot + " ctx "
                + context + " at " + atMillis + " ms";
    }
}
