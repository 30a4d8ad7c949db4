package io.practicalsystems.kv.version;

import java.time.Duration;
import java.util.Objects;

/**
 * When {@link VersionVector#prune} drops entries, in the spirit of Riak's {@code small_vclock}/{@code young_vclock}.
 *
 * <p>Entries beyond {@code maxEntries} are dropped least-recently-updated first, but only entries not updated for at
 * least {@code minAge}: a young entry probably belongs to a write still propagating between replicas, and dropping it
 * would turn that write's successors into false siblings right away. The bound is therefore soft: a vector keeps more
 * than {@code maxEntries} entries while more than that many nodes wrote within {@code minAge}.
 *
 * @param maxEntries entries kept without looking at their age; at least 1
 * @param minAge     entries updated more recently than this are never pruned; not negative
 */
public record VersionVectorPruning(int maxEntries, Duration minAge) {

    /**
     * Entries are per server (not per client), so 16 is far above a normal preference list; a day is far longer than
     * hinted handoff or an anti-entropy round should take to spread a write.
     */
    public static final VersionVectorPruning DEFAULT = new VersionVectorPruning(16, Duration.ofDays(1));

    public VersionVectorPruning {
        Objects.requireNonNull(minAge, "minAge");
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be >= 1, got " + maxEntries);
        }
        if (minAge.isNegative()) {
            throw new IllegalArgumentException("minAge must not be negative, got " + minAge);
        }
    }
}
