package io.practicalsystems.kv.node;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How fast anti-entropy may read keys: at most {@code keysPerSecond} on average, so a pass over a large store is a
 * steady trickle of background work instead of bursts that take the cores from client requests (measured: with
 * unpaced passes every 30 s, the put p99 at 32 connections was 3.4–5.5 × the no-op floor's, 2.3 × with anti-entropy
 * off; docs/kv.md, "Anti-entropy passes"). Riak throttles its active anti-entropy for the same reason.
 *
 * <p>A range's reads are charged after they happened (their count is known only then); the next range waits until the
 * debt is paid off. So the average stays within the rate and a single range is never split. {@code 0} means unpaced.
 * Thread-safe: the pass compares a few ranges at once.
 */
final class ScanPace {

    private final long keysPerSecond;
    /** When the reads charged so far are paid off; null before the first charge. */
    private Instant paidOffAt;

    ScanPace(long keysPerSecond) {
        if (keysPerSecond < 0) {
            throw new IllegalArgumentException("keysPerSecond must be >= 0 (0: unpaced), got " + keysPerSecond);
        }
        this.keysPerSecond = keysPerSecond;
    }

    boolean paced() {
        return keysPerSecond > 0;
    }

    /** How long the next range must wait at {@code now}: zero once the reads charged so far are paid off. */
    synchronized Duration waitAt(Instant now) {
        Objects.requireNonNull(now, "now");
        if (paidOffAt == null || !paidOffAt.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, paidOffAt);
    }

    /** Charges {@code keys} reads done at {@code now}: they are paid off {@code keys / keysPerSecond} later. */
    synchronized void charge(long keys, Instant now) {
        Objects.requireNonNull(now, "now");
        if (keys < 0) {
            throw new IllegalArgumentException("keys must be >= 0, got " + keys);
        }
        if (!paced() || keys == 0) {
            return;
        }
        Instant from = paidOffAt == null || paidOffAt.isBefore(now) ? now : paidOffAt;
        paidOffAt = from.plusNanos(Math.round(keys * 1e9 / keysPerSecond));
    }
}
