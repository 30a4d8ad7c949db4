package io.practicalsystems.platform.loginthrottle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Counts failed sign-ins per client in fixed windows: a client that fails {@code maxFailures} times within
 * {@code window} of its first failure is refused until that window ends, even with the right password — so a
 * guesser learns nothing more. Per server and in memory: a restart forgets, and a client that spreads its guesses
 * over N servers gets N times the budget (stated in docs/security.md). Plain Java; the ticker is the clock.
 *
 * <p>Two ways to use it. A caller that only sees the outcome afterwards (the app's servlet filter) asks
 * {@link #retryAfterSeconds} and then {@link #recordFailure}. A caller that checks the password itself (Liberty's
 * trust association interceptor) wraps each check in {@link #begin} / {@link #finish}: a check in progress counts
 * against the client's budget until it ends, so guesses sent all at once — each held for Liberty's failed-login
 * delay — still get at most {@code maxFailures} passwords checked.
 */
public final class FailedLoginThrottle {

    /** Enough for every client address an attack can plausibly use at once; beyond it the oldest are forgotten. */
    static final long MAX_TRACKED_CLIENTS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    /** One client's failures since {@code startNanos}, and its password checks still in progress. */
    private record Window(long startNanos, int failures, int checking) {
    }

    public FailedLoginThrottle(int maxFailures, Duration window) {
        this(maxFailures, window, Ticker.systemTicker());
    }

    FailedLoginThrottle(int maxFailures, Duration window, Ticker ticker) {
        if (maxFailures < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need at least 1 failure and a positive window: " + maxFailures
                    + ", " + window);
        }
        this.maxFailures = maxFailures;
        this.windowNanos = window.toNanos();
        this.ticker = ticker;
        this.windows = Caffeine.newBuilder().maximumSize(MAX_TRACKED_CLIENTS).expireAfterWrite(window)
                .ticker(ticker).build();
    }

    public int maxFailures() {
        return maxFailures;
    }

    public long windowSeconds() {
        return windowNanos / NANOS_PER_SECOND;
    }

    /** Seconds until the client may try again (at least 1), or empty if it may try now. */
    public OptionalLong retryAfterSeconds(String client) {
        Window window = windows.getIfPresent(client);
        long now = ticker.read();
        if (window == null || window.failures() < maxFailures || ended(window, now)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(secondsLeft(window, now));
    }

    public void recordFailure(String client) {
        long now = ticker.read();
        windows.asMap().compute(client, (key, window) -> countFailure(current(window, now), now));
    }

    /**
     * Before checking one password of {@code client}: empty if the check may go ahead (it then counts as in
     * progress until {@link #finish}, which the caller must call), else the seconds until the client may try again.
     */
    public OptionalLong begin(String client) {
        long now = ticker.read();
        long[] refusedFor = {0};
        windows.asMap().compute(client, (key, stored) -> {
            Window window = current(stored, now);
            if (window.failures() + window.checking() >= maxFailures) {
                // Failures used up the window: wait for its end. Only checks in progress: one of them may still
                // succeed, and they end within seconds.
                refusedFor[0] = window.failures() >= maxFailures ? secondsLeft(window, now) : 1;
                return stored;
            }
            return new Window(window.startNanos(), window.failures(), window.checking() + 1);
        });
        return refusedFor[0] > 0 ? OptionalLong.of(refusedFor[0]) : OptionalLong.empty();
    }

    /** After a check that {@link #begin} allowed: {@code failed} whether the password was wrong. */
    public void finish(String client, boolean failed) {
        long now = ticker.read();
        windows.asMap().compute(client, (key, stored) -> {
            Window window = current(stored, now);
            Window done = new Window(window.startNanos(), window.failures(), Math.max(0, window.checking() - 1));
            if (failed) {
                return countFailure(done, now);
            }
            return done.failures() == 0 && done.checking() == 0 ? null : done;
        });
    }

    /** The client's window as of {@code now}: a fresh one if it had none or its window ended. */
    private Window current(Window stored, long now) {
        if (stored == null) {
            return new Window(now, 0, 0);
        }
        return ended(stored, now) ? new Window(now, 0, stored.checking()) : stored;
    }

    /** The window starts at the first failure, not at the first check. */
    private static Window countFailure(Window window, long now) {
        long start = window.failures() == 0 ? now : window.startNanos();
        return new Window(start, window.failures() + 1, window.checking());
    }

    private long secondsLeft(Window window, long now) {
        long remainingNanos = window.startNanos() + windowNanos - now;
        return Math.max(1, (remainingNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND);
    }

    private boolean ended(Window window, long now) {
        return now - window.startNanos() >= windowNanos;
    }
}
