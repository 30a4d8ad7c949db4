package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.VersionVector;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The highest dot counter in any copy a store has forgotten (garbage-collected or removed), and the fresh copy a new
 * write of an absent key starts from: an empty set whose history's pruned ceiling is that counter, so the write's dot
 * counts on above it.
 *
 * <p>Why: replica A collects a key's expired tombstone (history {@code a:5}) while replica B still holds it. A new
 * write of the key through A would otherwise get dot {@code a:1}; B's history covers {@code a:1}, so B — and A, once
 * it syncs with B's copy — would discard the new value as already overwritten, a lost write. Counting above the
 * forgotten counters gives {@code a:6}, which B has never seen; B keeps it and drops its tombstone. One ceiling for
 * all keys and nodes is coarser than per key and node but needs one number, and counters have 63 bits to spare.
 *
 * <p>Thread-safe. The ceiling must be raised before the forgotten copy disappears from view.
 */
final class ForgottenCounters {

    private final AtomicLong ceiling;

    ForgottenCounters(long ceiling) {
        if (ceiling < 0) {
            throw new IllegalArgumentException("ceiling must be >= 0, got " + ceiling);
        }
        this.ceiling = new AtomicLong(ceiling);
    }

    long ceiling() {
        return ceiling.get();
    }

    /**
     * Raises the ceiling to the copy's highest counter.
     *
     * @return whether the ceiling rose (and so needs persisting)
     */
    boolean forget(DottedVersionVectorSet<?> copy) {
        long highest = highestCounter(copy.history());
        return ceiling.getAndAccumulate(highest, Math::max) < highest;
    }

    /** What an absent key's first write (or merge) starts from. */
    <V> DottedVersionVectorSet<V> freshCopy() {
        long current = ceiling.get();
        return current == 0
                ? DottedVersionVectorSet.empty()
                : DottedVersionVectorSet.restore(VersionVector.restore(Map.of(), current), List.of());
    }

    private static long highestCounter(VersionVector history) {
        long highest = history.prunedCeiling();
        for (VersionVector.Entry entry : history.entries().values()) {
            highest = Math.max(highest, entry.counter());
        }
        return highest;
    }
}
