package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.TokenRange;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** A token range as ordered scans over keys sorted by {@link RingKey}: the range query both stores share. */
final class RingScan {

    /** Positions {@code first..last}, both inclusive. */
    record Span(long first, long last) {
    }

    private RingScan() {
    }

    /**
     * The range as spans of positions in the order a clockwise walk from its start meets them: one span if it does not
     * wrap, else {@code (start, MAX]} then {@code [MIN, end]} — for the whole ring ({@code start == end}) too, so a
     * whole-ring scan also starts after {@code start}.
     */
    static List<Span> spansOf(TokenRange range) {
        long start = range.start();
        long end = range.end();
        if (start < end) {
            return List.of(new Span(start + 1, end));
        }
        if (start == Long.MAX_VALUE) {
            return List.of(new Span(Long.MIN_VALUE, end));
        }
        return List.of(new Span(start + 1, Long.MAX_VALUE), new Span(Long.MIN_VALUE, end));
    }

    /**
     * Passes every key whose position is in {@code range} to {@code action}, in ring order from the range's start.
     *
     * @param keysFrom the store's keys at or after a given key, ascending
     */
    static void forEachKey(TokenRange range, Function<RingKey, Iterator<RingKey>> keysFrom, Consumer<RingKey> action) {
        for (Span span : spansOf(range)) {
            Iterator<RingKey> keys = keysFrom.apply(RingKey.firstAt(span.first()));
            while (keys.hasNext()) {
                RingKey key = keys.next();
                if (key.position() > span.last()) {
                    break;
                }
                action.accept(key);
            }
        }
    }
}
