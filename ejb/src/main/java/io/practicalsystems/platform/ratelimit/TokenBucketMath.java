package io.practicalsystems.platform.ratelimit;

/**
 * The refill arithmetic of {@code META-INF/ratelimit/token-bucket.lua}, line for line, without Redis: for unit tests
 * and as its readable specification. Change both together.
 *
 * <p>State is {@code (tokens, ts)}: the (fractional) token count as of {@code ts}, in milliseconds of the clock the
 * bucket lives by (Redis' {@code TIME} in production). A missing state is a full bucket. Refill is continuous:
 * {@code elapsed * rate}, capped at capacity. If the clock went backwards the bucket neither refills nor moves
 * {@code ts} back (it waits until the clock has caught up), so a clock step can never hand out extra tokens.
 */
public final class TokenBucketMath {

    private TokenBucketMath() {
    }

    /** @param tokens fractional tokens at {@code timestampMillis} */
    public record State(double tokens, long timestampMillis) {
    }

    /**
     * @param state                the new state to store (expires after {@code millisUntilFull}: a missing key is a
     *                             full bucket, so expiring exactly then loses nothing)
     * @param remaining            whole tokens left
     * @param millisUntilNextToken 0 if at least one whole token is left, else the wait for the next one
     * @param millisUntilFull      wait until the bucket holds {@code capacity} tokens again
     */
    public record Result(long taken, State state, long remaining, long millisUntilNextToken,
                         long millisUntilFull) {

        /** Whether at least one token was taken. */
        public boolean allowed() {
            return taken > 0;
        }
    }

    /** Takes one token at {@code nowMillis} if there is one. {@code state} may be null (unknown or expired key). */
    public static Result take(TokenBucketPolicy policy, State state, long nowMillis) {
        return takeUpTo(policy, state, nowMillis, 1);
    }

    /** Takes as many whole tokens as there are, at most {@code want} (at least 1). */
    public static Result takeUpTo(TokenBucketPolicy policy, State state, long nowMillis, long want) {
        if (want < 1) {
            throw new IllegalArgumentException("want must be >= 1, got " + want);
        }
        double capacity = policy.capacity();
        double ratePerMilli = policy.refillPerSecond() / 1000d;
        double tokens;
        long ts;
        if (state == null) {
            tokens = capacity;
            ts = nowMillis;
        } else {
            tokens = state.tokens();
            ts = state.timestampMillis();
        }
        if (nowMillis > ts) {
            tokens = Math.min(capacity, tokens + (nowMillis - ts) * ratePerMilli);
            ts = nowMillis;
        }
        long taken = 0;
        if (tokens >= 1) {
            taken = Math.min(want, (long) Math.floor(tokens));
            tokens -= taken;
        }
        long untilNext = millisUntil(1, tokens, ratePerMilli);
        long untilFull = millisUntil(capacity, tokens, ratePerMilli);
        return new Result(taken, new State(tokens, ts), (long) Math.floor(tokens), untilNext, untilFull);
    }

    private static long millisUntil(double target, double tokens, double ratePerMilli) {
        return tokens >= target ? 0 : (long) Math.ceil((target - tokens) / ratePerMilli);
    }

    /** The decision the HTTP layer announces for a {@link #take} result. */
    public static RateLimitDecision decision(TokenBucketPolicy policy, Result result) {
        return RateLimitDecision.of(policy, result.allowed(), result.remaining(), result.millisUntilNextToken(),
                result.millisUntilFull());
    }
}
