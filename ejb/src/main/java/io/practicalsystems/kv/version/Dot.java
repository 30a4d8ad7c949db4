package io.practicalsystems.kv.version;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Comparator;
import java.util.Objects;

/**
 * One write event: the {@code counter}-th write to a key coordinated by {@code node}.
 *
 * <p>A dot names exactly one write (one value), which is what lets a dotted version vector set tell two writes apart
 * even when they were made with the same causal context: each gets its own dot, whereas a plain version vector would
 * give them equal (or ordered) clocks.
 *
 * @param node    the coordinator that issued the dot
 * @param counter at least 1; counters of one node for one key are never reused
 */
public record Dot(NodeId node, long counter) implements Comparable<Dot> {

    private static final Comparator<Dot> ORDER = Comparator.comparing(Dot::node).thenComparingLong(Dot::counter);

    public Dot {
        Objects.requireNonNull(node, "node");
        if (counter < 1) {
            throw new IllegalArgumentException("dot counter must be >= 1, got " + counter);
        }
    }

    public static Dot of(String node, long counter) {
        return new Dot(NodeId.of(node), counter);
    }

    @Override
    public int compareTo(Dot other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return node + ":" + counter;
    }
}
