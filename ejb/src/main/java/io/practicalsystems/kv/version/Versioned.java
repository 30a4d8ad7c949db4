package io.practicalsystems.kv.version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A value as stored in a sibling: either live data or a tombstone, with the coordinator's time of the write.
 *
 * <p>A delete is an ordinary versioned write of a tombstone, so it takes part in causality like any other write: a
 * delete concurrent with an update leaves both as siblings instead of one silently winning, and a tombstone keeps its
 * causal history around so that an old copy arriving late through anti-entropy is recognised as overwritten.
 *
 * @param value     the data, or {@code null} for a tombstone
 * @param writtenAt when the coordinator accepted the write (for a tombstone: the deletion time the grace period
 *                  counts from; it also stamps the coordinator's entry for pruning)
 */
public record Versioned<V>(V value, Instant writtenAt) {

    public Versioned {
        Objects.requireNonNull(writtenAt, "writtenAt");
    }

    public static <V> Versioned<V> of(V value, Instant writtenAt) {
        return new Versioned<>(Objects.requireNonNull(value, "value (use tombstone() to delete)"), writtenAt);
    }

    public static <V> Versioned<V> tombstone(Instant deletedAt) {
        return new Versioned<>(null, deletedAt);
    }

    public boolean isTombstone() {
        return value == null;
    }

    /** A tombstone whose grace period has fully elapsed at {@code now}; live values never expire. */
    public boolean isExpiredTombstone(Instant now, Duration grace) {
        return isTombstone() && !writtenAt.plus(grace).isAfter(now);
    }

    @Override
    public String toString() {
        return (isTombstone() ? "<tombstone>" : String.valueOf(value)) + "@" + writtenAt;
    }
}
