package io.practicalsystems.platform.ratelimit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * What the rate limiter knows about Redis being unreachable, and what it says about it. No I/O, no logging: it
 * returns the lines to log, so it is tested with a fake clock.
 *
 * <ul>
 *   <li><b>Backoff</b>: after a failure Redis is not asked again for {@code backoff}; those requests are let through
 *       at once instead of each waiting for a timeout (a blackholed Redis would otherwise add the full timeout to
 *       every request and exhaust the pool).</li>
 *   <li><b>Throttled logging</b>: at most one warning per {@code logInterval}, carrying how many failures were not
 *       logged since, so an outage of an hour under load is a few dozen lines, not millions.</li>
 *   <li><b>Recovery</b>: the first success after an outage that was warned about yields one line saying so and how
 *       many requests were let through unchecked (at most one such line per warning).</li>
 * </ul>
 * Thread-safe; the success path (no outage) is one volatile read.
 */
public final class RedisOutage {

    private final long backoffNanos;
    private final long logIntervalNanos;
    private final LongSupplier nanoClock;

    private volatile boolean down;
    private volatile long retryAtNanos;
    private final AtomicLong uncheckedSinceDown = new AtomicLong();
    private long lastWarningNanos;
    private boolean warnedEver;
    private boolean warnedThisOutage;
    private long failuresNotLogged;

    public RedisOutage(Duration backoff, Duration logInterval, LongSupplier nanoClock) {
        if (backoff.isNegative() || logInterval.isNegative()) {
            throw new IllegalArgumentException("backoff and log interval must not be negative");
        }
        this.backoffNanos = backoff.toNanos();
        this.logIntervalNanos = logInterval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** True while backing off: let the request through without asking Redis. */
    public boolean skipRedis() {
        if (!down) {
            return false;
        }
        if (nanoClock.getAsLong() - retryAtNanos < 0) {
            uncheckedSinceDown.incrementAndGet();
            return true;
        }
        return false;
    }

    /** Redis failed a request (which was let through): returns the warning to log, if one is due. */
    public synchronized Optional<String> failed(Throwable cause) {
        long now = nanoClock.getAsLong();
        boolean wasDown = down;
        down = true;
        retryAtNanos = now + backoffNanos;
        uncheckedSinceDown.incrementAndGet();
        // The interval spans outages: a Redis that flaps every second still gets one warning per interval.
        if (warnedEver && now - lastWarningNanos < logIntervalNanos) {
            failuresNotLogged++;
            return Optional.empty();
        }
        String line = (wasDown ? "rate limiter: Redis still unavailable" : "rate limiter: Redis unavailable")
                + ", failing OPEN (requests are allowed unchecked; next attempt in "
                + Duration.ofNanos(backoffNanos).toMillis() + " ms)"
                + (failuresNotLogged > 0 ? "; " + failuresNotLogged + " further failure(s) not logged since the last"
                        + " warning" : "")
                + ": " + cause;
        warnedEver = true;
        warnedThisOutage = true;
        lastWarningNanos = now;
        failuresNotLogged = 0;
        return Optional.of(line);
    }

    /** Redis answered: returns the recovery line when this ends an outage. */
    public Optional<String> succeeded() {
        if (!down) {
            return Optional.empty();
        }
        synchronized (this) {
            if (!down) {
                return Optional.empty();
            }
            down = false;
            long unchecked = uncheckedSinceDown.getAndSet(0);
            if (!warnedThisOutage) {
                return Optional.empty(); // its warning was suppressed: no recovery line either
            }
            warnedThisOutage = false;
            return Optional.of("rate limiter: Redis available again, limits enforced; " + unchecked
                    + " request(s) were allowed unchecked during the outage");
        }
    }

    public boolean isDown() {
        return down;
    }
}
