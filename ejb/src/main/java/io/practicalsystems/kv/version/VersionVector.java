package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable version vector: for each node, how many of its writes to one key are part of a history.
 *
 * <p>Besides the counters, each entry remembers when it was last updated, and the vector remembers the highest
 * counter it ever pruned away. Both are bookkeeping for {@link #prune pruning} and never affect {@link #compare}:
 * causality is counters only. ({@link #equals} is structural and does include them.)
 *
 * <h2>Pruning, and what it costs</h2>
 * {@link #prune} keeps the vector small by dropping least-recently-updated entries (see {@link VersionVectorPruning}).
 * A pruned vector is a <em>lower bound</em> of the true history, so:
 * <ul>
 *   <li>In a {@link DottedVersionVectorSet} — where values are discarded only when some history covers their dot —
 *       a lower bound covers fewer dots, so pruning can only keep values that should have gone: a descendant looks
 *       concurrent with an ancestor and the client sees a <b>false sibling</b>, which its next write (with the
 *       returned context) resolves. It never causes a lost write. Merging with a replica that has not pruned brings
 *       the entry back.</li>
 *   <li>Counters are never reused after pruning: {@link #increment} starts a node without an entry above
 *       {@link #prunedCeiling()}, so the node's next write still orders after everything it wrote before.</li>
 *   <li>Used on its own, as a plain vector clock, {@link #compare} of a pruned vector can answer {@link Ordering#BEFORE}
 *       where the truth was {@link Ordering#CONCURRENT}; a store that discards "older" versions on that answer can lose
 *       a write. That is one more reason the store keeps siblings in a {@link DottedVersionVectorSet}.</li>
 * </ul>
 */
public final class VersionVector {

    /**
     * One node's entry.
     *
     * @param counter   number of that node's writes in the history; at least 1
     * @param updatedAt when the entry last advanced, as far as known ({@link Instant#EPOCH} if unknown, e.g. decoded
     *                  from a client context); only pruning reads it
     */
    public record Entry(long counter, Instant updatedAt) {
        public Entry {
            Objects.requireNonNull(updatedAt, "updatedAt");
            if (counter < 1) {
                throw new IllegalArgumentException("version vector counters must be >= 1, got " + counter);
            }
        }
    }

    private static final VersionVector EMPTY = new VersionVector(new TreeMap<>(), 0);

    private final SortedMap<NodeId, Entry> entries;
    private final long prunedCeiling;

    private VersionVector(SortedMap<NodeId, Entry> entries, long prunedCeiling) {
        this.entries = Collections.unmodifiableSortedMap(entries);
        this.prunedCeiling = prunedCeiling;
    }

    public static VersionVector empty() {
        return EMPTY;
    }

    /** A vector with the given counters and unknown update times. */
    public static VersionVector of(Map<NodeId, Long> counters) {
        SortedMap<NodeId, Entry> copy = new TreeMap<>();
        counters.forEach((node, counter) -> copy.put(Objects.requireNonNull(node, "node"),
                new Entry(counter, Instant.EPOCH)));
        return new VersionVector(copy, 0);
    }

    /** Rebuilds a vector from its full stored state ({@link #entries()} and {@link #prunedCeiling()}). */
    public static VersionVector restore(Map<NodeId, Entry> entries, long prunedCeiling) {
        if (prunedCeiling < 0) {
            throw new IllegalArgumentException("prunedCeiling must be >= 0, got " + prunedCeiling);
        }
        SortedMap<NodeId, Entry> copy = new TreeMap<>();
        entries.forEach((node, entry) -> copy.put(Objects.requireNonNull(node, "node"),
                Objects.requireNonNull(entry, "entry")));
        return new VersionVector(copy, prunedCeiling);
    }

    /** The node's counter, 0 if it has no entry. */
    public long counter(NodeId node) {
        Entry entry = entries.get(node);
        return entry == null ? 0 : entry.counter();
    }

    public SortedMap<NodeId, Entry> entries() {
        return entries;
    }

    public SortedMap<NodeId, Long> counters() {
        SortedMap<NodeId, Long> counters = new TreeMap<>();
        entries.forEach((node, entry) -> counters.put(node, entry.counter()));
        return Collections.unmodifiableSortedMap(counters);
    }

    public Set<NodeId> nodes() {
        return entries.keySet();
    }

    public int size() {
        return entries.size();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The highest counter ever pruned from this vector (or from one merged into it); 0 if none. */
    public long prunedCeiling() {
        return prunedCeiling;
    }

    /** Whether the write {@code dot} is part of this history. */
    public boolean covers(Dot dot) {
        return dot.counter() <= counter(dot.node());
    }

    /**
     * One more write by {@code node} at {@code now}. The new counter is above {@link #prunedCeiling()} as well as above
     * the node's entry: after its entry was pruned, a merge may bring back an older, smaller entry for the node from a
     * stale replica, and counting on from that would reuse a counter.
     */
    public VersionVector increment(NodeId node, Instant now) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(now, "now");
        Entry old = entries.get(node);
        long next = Math.addExact(Math.max(counter(node), prunedCeiling), 1);
        Instant updatedAt = old == null || now.isAfter(old.updatedAt()) ? now : old.updatedAt();
        SortedMap<NodeId, Entry> copy = new TreeMap<>(entries);
        copy.put(node, new Entry(next, updatedAt));
        return new VersionVector(copy, prunedCeiling);
    }

    /** The least history containing both: entry-wise maximum (update times and pruned ceilings too). */
    public VersionVector merge(VersionVector other) {
        SortedMap<NodeId, Entry> merged = new TreeMap<>(entries);
        other.entries.forEach((node, theirs) -> merged.merge(node, theirs, (a, b) -> new Entry(
                Math.max(a.counter(), b.counter()),
                a.updatedAt().isAfter(b.updatedAt()) ? a.updatedAt() : b.updatedAt())));
        return new VersionVector(merged, Math.max(prunedCeiling, other.prunedCeiling));
    }

    public Ordering compare(VersionVector other) {
        boolean thisAhead = false;
        boolean otherAhead = false;
        Set<NodeId> nodes = new TreeSet<>(entries.keySet());
        nodes.addAll(other.entries.keySet());
        for (NodeId node : nodes) {
            long mine = counter(node);
            long theirs = other.counter(node);
            thisAhead |= mine > theirs;
            otherAhead |= mine < theirs;
        }
        if (thisAhead && otherAhead) {
            return Ordering.CONCURRENT;
        }
        return thisAhead ? Ordering.AFTER : otherAhead ? Ordering.BEFORE : Ordering.EQUAL;
    }

    /** This history contains all of {@code other}'s: {@code AFTER} or {@code EQUAL}. */
    public boolean descends(VersionVector other) {
        Ordering ordering = compare(other);
        return ordering == Ordering.AFTER || ordering == Ordering.EQUAL;
    }

    /** This history strictly contains {@code other}'s: {@code AFTER}. */
    public boolean dominates(VersionVector other) {
        return compare(other) == Ordering.AFTER;
    }

    /** {@link #prune(VersionVectorPruning, Instant, Set)} with no pinned nodes. */
    public VersionVector prune(VersionVectorPruning policy, Instant now) {
        return prune(policy, now, Set.of());
    }

    /**
     * Drops least-recently-updated entries while more than {@code policy.maxEntries()} remain, skipping entries younger
     * than {@code policy.minAge()} and entries of {@code pinned} nodes (a dotted set pins the nodes its siblings' dots
     * belong to, so every sibling stays covered by its own history). Ties in update time go by node ID, so every
     * replica prunes the same way.
     */
    public VersionVector prune(VersionVectorPruning policy, Instant now, Set<NodeId> pinned) {
        if (entries.size() <= policy.maxEntries()) {
            return this;
        }
        Instant youngest = now.minus(policy.minAge());
        List<Map.Entry<NodeId, Entry>> candidates = new ArrayList<>();
        for (Map.Entry<NodeId, Entry> e : entries.entrySet()) {
            if (!pinned.contains(e.getKey()) && !e.getValue().updatedAt().isAfter(youngest)) {
                candidates.add(e);
            }
        }
        candidates.sort(Comparator.<Map.Entry<NodeId, Entry>, Instant>comparing(e -> e.getValue().updatedAt())
                .thenComparing(Map.Entry::getKey));
        SortedMap<NodeId, Entry> kept = new TreeMap<>(entries);
        long ceiling = prunedCeiling;
        for (int i = 0; i < candidates.size() && kept.size() > policy.maxEntries(); i++) {
            Map.Entry<NodeId, Entry> dropped = candidates.get(i);
            kept.remove(dropped.getKey());
            ceiling = Math.max(ceiling, dropped.getValue().counter());
        }
        return kept.size() == entries.size() ? this : new VersionVector(kept, ceiling);
    }

    /** The same counters without update times or pruned ceiling: what a client gets to see. */
    public VersionVector countersOnly() {
        return prunedCeiling == 0 && entries.values().stream().allMatch(e -> e.updatedAt().equals(Instant.EPOCH))
                ? this
                : of(counters());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionVector other && prunedCeiling == other.prunedCeiling
                && entries.equals(other.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode() * 31 + Long.hashCode(prunedCeiling);
    }

    /** Counters only, e.g. {@code {a:2, b:1}}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("{");
        entries.forEach((node, entry) -> text.append(text.length() > 1 ? ", " : "").append(node).append(':')
                .append(entry.counter()));
        return text.append('}').toString();
    }
}
