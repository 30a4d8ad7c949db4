package io.practicalsystems.platform.rest.security;

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
 */
public final class FailedLoginThrottle {

    /** Enough for every client address an attack can plausibly use at once; beyond it the oldest are forgotten. */
    static final long MAX_TRACKED_CLIENTS = 100_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final int maxFailures;
    private final long windowNanos;
    private final Ticker ticker;
    private final Cache<String, Window> windows;

    /** One client's failures since {@code startNanos}. */
    private record Window(long startNanos, int failures) {
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

    /** Seconds until the client may try again (at least 1), or empty if it may try now. */
    public OptionalLong retryAfterSeconds(String client) {
        Window window = windows.getIfPresent(client);
        long now = ticker.read();
        if (window == null || window.failures() < maxFailures || ended(window, now)) {
            return OptionalLong.empty();
        }
        long remainingNanos = window.startNanos() + windowNanos - now;
        return OptionalLong.of(Math.max(1, (remainingNanos + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
    }

    public void recordFailure(String client) {
        long now = ticker.read();
        windows.asMap().compute(client, (key, window) -> window == null || ended(window, now)
                ? new Window(now, 1) : new Window(window.startNanos(), window.failures() + 1));
    }

    private boolean ended(Window window, long now) {
        return now - window.startNanos() >= windowNanos;
    }
}
