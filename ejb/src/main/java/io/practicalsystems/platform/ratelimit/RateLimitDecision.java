package io.practicalsystems.platform.ratelimit;

/**
 * The outcome of taking one token from a client's bucket, in the units HTTP announces it in.
 *
 * @param allowed           whether the request may proceed (a token was taken)
 * @param limit             the policy's capacity
 * @param remaining         whole tokens left after this request
 * @param resetSeconds      seconds until the bucket is full again (remaining would equal limit), rounded up;
 *                          0 only if it is full now
 * @param retryAfterSeconds when denied: seconds until the next token, rounded up (at least 1); 0 when allowed
 */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
                                long retryAfterSeconds) {

    public RateLimitDecision {
        if (limit < 1 || remaining < 0 || remaining > limit || resetSeconds < 0 || retryAfterSeconds < 0) {
            throw new IllegalArgumentException("inconsistent decision: limit=" + limit + " remaining=" + remaining
                    + " reset=" + resetSeconds + " retryAfter=" + retryAfterSeconds);
        }
        if (!allowed && retryAfterSeconds < 1) {
            throw new IllegalArgumentException("a denial needs a retry-after of at least 1 s");
        }
    }

    /** From the bucket's raw answer (milliseconds), rounding every wait up so a client never retries too early. */
    public static RateLimitDecision of(TokenBucketPolicy policy, boolean allowed, long remaining,
                                       long millisUntilNextToken, long millisUntilFull) {
        long retryAfter = allowed ? 0 : Math.max(1, ceilSeconds(millisUntilNextToken));
        return new RateLimitDecision(allowed, policy.capacity(), Math.min(remaining, policy.capacity()),
                ceilSeconds(millisUntilFull), retryAfter);
    }

    static long ceilSeconds(long millis) {
        return millis <= 0 ? 0 : Math.floorDiv(millis + 999, 1000);
    }
}
