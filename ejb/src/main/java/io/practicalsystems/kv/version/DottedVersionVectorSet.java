package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * All versions of one key that a replica keeps: concurrent siblings, each tagged with the {@link Dot} of the write
 * that made it, plus the causal history of the replica's copy — a dotted version vector set after Almeida et al.,
 * "Scalable and Accurate Causality Tracking for Eventually Consistent Stores" (the model Riak 2.0 adopted).
 *
 * <p>Why dots: with plain per-node vector clocks, two clients that read the same version and then write through the
 * same coordinator get clocks that are equal (or, if the coordinator counts on from its stored clock, ordered), so
 * one write silently replaces the other. Here every write gets a fresh dot, and a value is discarded only when a
 * history that <em>covers its dot</em> arrives — i.e. when a client wrote after having read it, or a replica that had
 * seen it already overwrote it. Two writes made with the same context therefore both survive as siblings.
 *
 * <p>Invariant: the history covers every sibling's dot. Immutable; operations return new sets.
 *
 * @param <V> the stored value type; {@link #equals} and {@link #sync} assume {@code V.equals} is by value
 */
public final class DottedVersionVectorSet<V> {

    private final VersionVector history;
    private final SortedMap<Dot, Versioned<V>> siblings;

    private DottedVersionVectorSet(VersionVector history, SortedMap<Dot, Versioned<V>> siblings) {
        this.history = history;
        this.siblings = Collections.unmodifiableSortedMap(siblings);
    }

    /** A key never written (or garbage-collected): no siblings, empty history. */
    public static <V> DottedVersionVectorSet<V> empty() {
        return new DottedVersionVectorSet<>(VersionVector.empty(), new TreeMap<>());
    }

    /**
     * Rebuilds a set from stored state ({@link #history()} and {@link #siblings()}).
     *
     * @throws IllegalArgumentException if two siblings share a dot or the history does not cover a sibling's dot
     */
    public static <V> DottedVersionVectorSet<V> restore(VersionVector history, Collection<Sibling<V>> siblings) {
        Objects.requireNonNull(history, "history");
        SortedMap<Dot, Versioned<V>> byDot = new TreeMap<>();
        for (Sibling<V> sibling : siblings) {
            if (!history.covers(sibling.dot())) {
                throw new IllegalArgumentException(
                        "history " + history + " does not cover sibling dot " + sibling.dot());
            }
            if (byDot.put(sibling.dot(), sibling.value()) != null) {
                throw new IllegalArgumentException("two siblings share dot " + sibling.dot());
            }
        }
        return new DottedVersionVectorSet<>(history, byDot);
    }

    /** What a read returns to the client alongside {@link #values()}, to be sent back with its next write. */
    public CausalContext context() {
        return CausalContext.of(history);
    }

    /** The full causal history, with the pruning bookkeeping that {@link #context()} leaves out (for storage). */
    public VersionVector history() {
        return history;
    }

    /** Every sibling, tombstones included, in dot order. */
    public List<Sibling<V>> siblings() {
        List<Sibling<V>> list = new ArrayList<>(siblings.size());
        siblings.forEach((dot, value) -> list.add(new Sibling<>(dot, value)));
        return Collections.unmodifiableList(list);
    }

    /** Every sibling's value, tombstones included, in dot order. */
    public List<Versioned<V>> values() {
        return List.copyOf(siblings.values());
    }

    /** The data of the siblings that are not tombstones: empty for a deleted (or never written) key. */
    public List<V> liveValues() {
        return siblings.values().stream().filter(v -> !v.isTombstone()).map(Versioned::value).toList();
    }

    public boolean isEmpty() {
        return siblings.isEmpty();
    }

    /**
     * A coordinator's write: drops the siblings the client had read (those {@code clientContext} covers), keeps the
     * rest as concurrent siblings, and adds {@code value} under a fresh dot of {@code coordinator}.
     *
     * <p>The client's context joins the history, so a copy of an overwritten value that arrives later from another
     * replica is recognised as overwritten. The new dot's counter is above every counter the coordinator has used for
     * this key (see {@link VersionVector#increment}); {@code value.writtenAt()} stamps its entry.
     */
    public DottedVersionVectorSet<V> update(CausalContext clientContext, Versioned<V> value, NodeId coordinator) {
        Objects.requireNonNull(clientContext, "clientContext");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(coordinator, "coordinator");
        SortedMap<Dot, Versioned<V>> kept = new TreeMap<>();
        siblings.forEach((dot, v) -> {
            if (!clientContext.covers(dot)) {
                kept.put(dot, v);
            }
        });
        VersionVector next = history.merge(clientContext.vector()).increment(coordinator, value.writtenAt());
        kept.put(new Dot(coordinator, next.counter(coordinator)), value);
        return new DottedVersionVectorSet<>(next, kept);
    }

    /**
     * Merges another replica's copy (read repair, hinted handoff, anti-entropy): a sibling survives if both copies
     * have it, or if the other copy has never seen its dot. A sibling the other copy has seen but no longer holds was
     * overwritten there, and goes. Idempotent, commutative and associative, so duplicated and reordered deliveries
     * converge to the same set.
     */
    public DottedVersionVectorSet<V> sync(DottedVersionVectorSet<V> other) {
        Objects.requireNonNull(other, "other");
        SortedMap<Dot, Versioned<V>> merged = new TreeMap<>();
        siblings.forEach((dot, v) -> {
            if (other.siblings.containsKey(dot) || !other.history.covers(dot)) {
                merged.put(dot, v);
            }
        });
        other.siblings.forEach((dot, v) -> {
            if (!siblings.containsKey(dot) && !history.covers(dot)) {
                merged.put(dot, v);
            }
        });
        return new DottedVersionVectorSet<>(history.merge(other.history), merged);
    }

    /**
     * Whether the key may be removed from storage: it has siblings, and every one is a tombstone whose grace period
     * has fully elapsed. Removing it also forgets its history, so a replica still holding an old value could bring it
     * back through anti-entropy; the grace period must outlast hinted handoff and a full anti-entropy round.
     */
    public boolean isCollectable(Instant now, Duration grace) {
        Objects.requireNonNull(now, "now");
        if (Objects.requireNonNull(grace, "grace").isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, got " + grace);
        }
        return !siblings.isEmpty() && siblings.values().stream().allMatch(v -> v.isExpiredTombstone(now, grace));
    }

    /**
     * Prunes the history (see {@link VersionVector#prune}), never the entry of a node a sibling's dot belongs to.
     * Costs at most false siblings, never a lost write: a smaller history covers fewer dots, so it discards less.
     */
    public DottedVersionVectorSet<V> pruneHistory(VersionVectorPruning policy, Instant now) {
        Set<NodeId> pinned = new TreeSet<>();
        siblings.keySet().forEach(dot -> pinned.add(dot.node()));
        VersionVector pruned = history.prune(policy, now, pinned);
        return pruned == history ? this : new DottedVersionVectorSet<>(pruned, siblings);
    }

    /**
     * SHA-256 of the history's counters and the siblings' dots — equal for replicas holding the same versions, which
     * is what a Merkle tree needs per key. Values are not hashed: a dot names exactly one write.
     */
    public byte[] versionDigest() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CausalContextCodec.writeCounters(out, history);
        CompactBinary.writeVarint(out, siblings.size());
        siblings.keySet().forEach(dot -> {
            CompactBinary.writeNode(out, dot.node());
            CompactBinary.writeVarint(out, dot.counter());
        });
        try {
            return MessageDigest.getInstance("SHA-256").digest(out.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DottedVersionVectorSet<?> other && history.equals(other.history)
                && siblings.equals(other.siblings);
    }

    @Override
    public int hashCode() {
        return history.hashCode() * 31 + siblings.hashCode();
    }

    @Override
    public String toString() {
        return "{history=" + history + ", siblings=" + siblings + "}";
    }
}
