package io.practicalsystems.kv.membership;

/**
 * One monitored node's last {@code capacity} heartbeat inter-arrival times in milliseconds, with running sums so
 * mean and variance cost O(1) per heartbeat. Whole milliseconds keep the sums exact (no drift from subtracting
 * doubles as old samples leave the window) and are far finer than gossip's one-second rhythm.
 *
 * <p>Not thread-safe; {@link PhiAccrualFailureDetector} owns it.
 */
final class HeartbeatHistory {

    private final long[] intervals; // ring buffer
    private int next; // slot the next interval goes to
    private int size;
    private long sum;
    private long sumOfSquares;

    HeartbeatHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.intervals = new long[capacity];
    }

    /** Adds one interval; when full, the oldest leaves the window first. */
    void add(long intervalMillis) {
        if (intervalMillis < 0) {
            throw new IllegalArgumentException("interval must be >= 0, got " + intervalMillis);
        }
        if (size == intervals.length) {
            long oldest = intervals[next];
            sum -= oldest;
            sumOfSquares -= oldest * oldest;
        } else {
            size++;
        }
        intervals[next] = intervalMillis;
        next = (next + 1) % intervals.length;
        sum += intervalMillis;
        sumOfSquares += intervalMillis * intervalMillis;
    }

    int size() {
        return size;
    }

    double mean() {
        requireSamples();
        return (double) sum / size;
    }

    /** Population variance (divides by n, as Akka and Cassandra do); never negative despite rounding. */
    double variance() {
        double mean = mean();
        return Math.max(0.0, (double) sumOfSquares / size - mean * mean);
    }

    double standardDeviation() {
        return Math.sqrt(variance());
    }

    private void requireSamples() {
        if (size == 0) {
            throw new IllegalStateException("no heartbeat intervals yet");
        }
    }
}
