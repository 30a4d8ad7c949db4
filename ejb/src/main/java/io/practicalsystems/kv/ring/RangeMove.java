package io.practicalsystems.kv.ring;

/**
 * Keys in {@code range} must be copied from {@code from} to {@code to} after a ring change: {@code to} became one of
 * the range's N replicas and {@code from} held a replica before — the one that lost the range when there is one,
 * which is right for a node leaving gracefully (it streams its data away). If {@code from} is dead instead, every
 * other node of {@code before.preferenceListAt(range.end(), n)} holds a copy too.
 */
public record RangeMove(TokenRange range, NodeId from, NodeId to) {

    @Override
    public String toString() {
        return range + " " + from + " -> " + to;
    }
}
