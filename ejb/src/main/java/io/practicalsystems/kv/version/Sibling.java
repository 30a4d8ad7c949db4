package io.practicalsystems.kv.version;

import java.util.Objects;

/**
 * One of possibly several concurrent versions of a key: the write's dot and what it wrote.
 *
 * @param dot   identifies the write; two siblings of one key never share a dot
 * @param value the data or tombstone written
 */
public record Sibling<V>(Dot dot, Versioned<V> value) {

    public Sibling {
        Objects.requireNonNull(dot, "dot");
        Objects.requireNonNull(value, "value");
    }
}
