package io.practicalsystems.kv.node;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.util.List;
import java.util.Objects;

/**
 * What a read returns to the client.
 *
 * @param values     the live values: none (never written, or deleted), one, or several concurrent siblings the
 *                   client should resolve and write back with {@code context}
 * @param tombstones how many concurrent siblings are deletes (a delete concurrent with a put shows as both)
 * @param context    everything read, to be sent back with the next write (the {@code X-Causal-Context} header);
 *                   empty only when no replica had the key
 * @param answeredBy the R replicas whose answers were merged
 */
public record ClientReadResult(List<Blob> values, int tombstones, CausalContext context, List<NodeId> answeredBy) {

    public ClientReadResult {
        values = List.copyOf(values);
        Objects.requireNonNull(context, "context");
        answeredBy = List.copyOf(answeredBy);
    }

    /** True when there is at least one live value (a 200 rather than a 404). */
    public boolean found() {
        return !values.isEmpty();
    }

    public boolean hasSiblings() {
        return values.size() > 1;
    }
}
