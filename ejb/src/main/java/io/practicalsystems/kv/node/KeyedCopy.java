package io.practicalsystems.kv.node;

import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Objects;

/**
 * One key's stored copy (all siblings, tombstones and history) as it travels between nodes in bulk: anti-entropy
 * pushes and pulls, range moves and the hand-over of keys a node no longer replicates. The receiver merges it.
 */
public record KeyedCopy(String key, DottedVersionVectorSet<Blob> copy) {

    public KeyedCopy {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(copy, "copy");
    }
}
