package io.practicalsystems.idgen;

import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * A clock whose n-th reading is scripted, so a test can make it stall, step back or tick per read, and then check what
 * the generator did against the readings it actually saw.
 */
final class ScriptedClock implements MillisClock {

    private final LongUnaryOperator readingForIndex;
    private long reads;
    private long lastReading = Long.MIN_VALUE;
    private long maxReading = Long.MIN_VALUE;

    private ScriptedClock(LongUnaryOperator readingForIndex) {
        this.readingForIndex = readingForIndex;
    }

    /** Returns the given readings in order, then the last one forever. */
    static ScriptedClock readings(long... readings) {
        long[] copy = Arrays.copyOf(readings, readings.length);
        return new ScriptedClock(i -> copy[(int) Math.min(i, copy.length - 1)]);
    }

    /** Returns the given readings in order, then keeps ticking 1 ms per read from the last one. */
    static ScriptedClock readingsThenTicking(long... readings) {
        long[] copy = Arrays.copyOf(readings, readings.length);
        return new ScriptedClock(i -> i < copy.length ? copy[(int) i] : copy[copy.length - 1] + (i - copy.length + 1));
    }

    /** {@code start} for the first {@code readsPerMillis} reads, then one ms later for the next batch, and so on. */
    static ScriptedClock ticking(long start, long readsPerMillis) {
        return new ScriptedClock(i -> start + i / readsPerMillis);
    }

    /** {@code start} for the first {@code reads} reads, then {@code start + 1} forever. */
    static ScriptedClock holdingThenNext(long start, long reads) {
        return new ScriptedClock(i -> i < reads ? start : start + 1);
    }

    @Override
    public synchronized long millis() {
        long reading = readingForIndex.applyAsLong(reads++);
        lastReading = reading;
        maxReading = Math.max(maxReading, reading);
        return reading;
    }

    synchronized long reads() {
        return reads;
    }

    synchronized long lastReading() {
        return lastReading;
    }

    synchronized long maxReading() {
        return maxReading;
    }
}
