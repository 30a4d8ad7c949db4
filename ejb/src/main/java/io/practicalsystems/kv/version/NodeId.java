package io.practicalsystems.kv.version;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The identity of a storage node (a Liberty server) as it appears in version vectors and dots.
 *
 * <p>Server-side identities, not client identities: the number of entries in a key's version vector is then bounded
 * by the number of servers that ever coordinated a write to it, not by the number of clients.
 *
 * <p>A node that loses its data must come back under a <em>new</em> ID (e.g. with an incarnation suffix,
 * {@code kv-2#3}): it issues dot counters from its own stored copy, and a wiped copy would reissue counters that other
 * replicas already associate with different writes.
 *
 * @param value non-blank, at most {@value #MAX_UTF8_BYTES} bytes of UTF-8 (it travels in every causal context)
 */
public record NodeId(String value) implements Comparable<NodeId> {

    public static final int MAX_UTF8_BYTES = 255;

    public NodeId {
        Objects.requireNonNull(value, "node id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("node id must not be blank");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_UTF8_BYTES) {
            throw new IllegalArgumentException(
                    "node id must be at most " + MAX_UTF8_BYTES + " bytes of UTF-8, got " + bytes);
        }
    }

    public static NodeId of(String value) {
        return new NodeId(value);
    }

    @Override
    public int compareTo(NodeId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
