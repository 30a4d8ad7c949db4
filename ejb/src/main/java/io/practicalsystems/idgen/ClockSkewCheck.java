package io.practicalsystems.idgen;

import java.util.Locale;

/**
 * Startup guard comparing the local clock with a shared reference (Redis {@code TIME}).
 *
 * <p>Why: worker-ID leases and high-water marks assume instances roughly agree on time. An instance whose clock is far
 * off would issue IDs whose timestamps lie about when they were created and, if far ahead, burn through timestamp
 * space that a corrected clock then has to wait out. Refusing to start is cheaper than untangling that later.
 */
public final class ClockSkewCheck {

    private ClockSkewCheck() {
    }

    /**
     * @throws IllegalStateException    if {@code |localMillis - referenceMillis| > maxSkewMillis}
     * @throws IllegalArgumentException if {@code maxSkewMillis} is negative
     */
    public static void verify(long localMillis, long referenceMillis, long maxSkewMillis) {
        verify(localMillis, referenceMillis, maxSkewMillis, "Redis TIME");
    }

    /** As {@link #verify(long, long, long)}, naming the reference clock in the message. */
    public static void verify(long localMillis, long referenceMillis, long maxSkewMillis, String referenceName) {
        if (maxSkewMillis < 0) {
            throw new IllegalArgumentException("maxSkewMillis must be >= 0, got " + maxSkewMillis);
        }
        // Compared as a magnitude without Math.abs, which would overflow for a skew of Long.MIN_VALUE.
        boolean ahead = localMillis >= referenceMillis;
        long skew = ahead ? localMillis - referenceMillis : referenceMillis - localMillis;
        if (skew < 0 || skew > maxSkewMillis) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "local clock is %,d ms %s %s; refusing to serve (bound %,d ms)",
                    skew, ahead ? "ahead of" : "behind", referenceName, maxSkewMillis));
        }
    }
}
