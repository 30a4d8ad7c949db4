package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.RingHash;
import java.util.Comparator;
import java.util.Objects;

/**
 * A key with its ring position, ordered by position and then by key: the order stores keep keys in, so that a token
 * range is a contiguous scan (two if it wraps) rather than a filter over every key.
 *
 * @param position {@code RingHash.of(key)}, the hash of the key's UTF-8 bytes
 * @param key      the key
 */
record RingKey(long position, String key) implements Comparable<RingKey> {

    private static final Comparator<RingKey> ORDER =
            Comparator.comparingLong(RingKey::position).thenComparing(RingKey::key);

    RingKey {
        Objects.requireNonNull(key, "key");
    }

    static RingKey of(String key) {
        return new RingKey(RingHash.of(Objects.requireNonNull(key, "key")), key);
    }

    /** Sorts before every key at {@code position}: where a scan of positions from {@code position} starts. */
    static RingKey firstAt(long position) {
        return new RingKey(position, "");
    }

    @Override
    public int compareTo(RingKey other) {
        return ORDER.compare(this, other);
    }
}
