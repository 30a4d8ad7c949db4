package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.platform.ratelimit.TokenBucketMath.Result;
import io.practicalsystems.platform.ratelimit.TokenBucketMath.State;
import org.junit.jupiter.api.Test;

class TokenBucketMathTest {

    private static final long T0 = 1_780_000_000_000L;

    @Test
    void aNewClientStartsWithAFullBucket() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 5, 1);
        Result r = TokenBucketMath.take(p, null, T0);
        assertThat(r.allowed()).isTrue();
        assertThat(r.remaining()).isEqualTo(4);
        assertThat(r.state()).isEqualTo(new State(4, T0));
        assertThat(r.millisUntilNextToken()).isZero();
        assertThat(r.millisUntilFull()).isEqualTo(1000);
    }

    @Test
    void capacityNAllowsExactlyNImmediateRequestsThenDeniesWithTheTimeToTheNextToken() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 3, 0.5); // one token every 2 s
        State s = null;
        for (int i = 0; i < 3; i++) {
            Result r = TokenBucketMath.take(p, s, T0);
            assertThat(r.allowed()).as("request %d", i + 1).isTrue();
            assertThat(r.remaining()).isEqualTo(2 - i);
            s = r.state();
        }
        Result denied = TokenBucketMath.take(p, s, T0);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.remaining()).isZero();
        assertThat(denied.millisUntilNextToken()).isEqualTo(2000);
        assertThat(denied.millisUntilFull()).isEqualTo(6000);

        RateLimitDecision d = TokenBucketMath.decision(p, denied);
        assertThat(d).isEqualTo(new RateLimitDecision(false, 3, 0, 6, 2));
    }

    @Test
    void aDenialDoesNotConsumeAndWaitingTheAnnouncedTimeIsEnough() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 1, 0.3); // 3333.3 ms per token
        Result first = TokenBucketMath.take(p, null, T0);
        Result denied = TokenBucketMath.take(p, first.state(), T0 + 1000);
        assertThat(denied.allowed()).isFalse();
        assertThat(denied.state().tokens()).isEqualTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        long wait = denied.millisUntilNextToken();
        assertThat(wait).isEqualTo(2334); // ceil(0.7 / 0.0003)
        assertThat(TokenBucketMath.take(p, denied.state(), T0 + 1000 + wait - 1).allowed()).isFalse();
        assertThat(TokenBucketMath.take(p, denied.state(), T0 + 1000 + wait).allowed()).isTrue();
        // Retry-After in whole seconds, rounded up: never invites a retry that is still too early
        assertThat(TokenBucketMath.decision(p, denied).retryAfterSeconds()).isEqualTo(3);
    }

    @Test
    void refillIsContinuousAndCappedAtCapacity() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 10, 2);
        State empty = new State(0, T0);
        assertThat(TokenBucketMath.take(p, empty, T0 + 2500).remaining()).isEqualTo(4); // 5 refilled, 1 taken
        assertThat(TokenBucketMath.take(p, empty, T0 + 3_600_000).remaining()).isEqualTo(9); // capped at 10
    }

    @Test
    void aClockThatStepsBackNeitherRefillsNorMovesTheTimestampBack() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 10, 1);
        State s = new State(2, T0);
        Result r = TokenBucketMath.take(p, s, T0 - 60_000);
        assertThat(r.allowed()).isTrue();
        assertThat(r.state()).isEqualTo(new State(1, T0));
        // once the clock is past T0 again, refill resumes from T0, not from the earlier reading
        assertThat(TokenBucketMath.take(p, r.state(), T0 + 1000).state()).isEqualTo(new State(1, T0 + 1000));
    }

    @Test
    void theKeyExpiresWhenTheBucketWouldBeFullSoAMissingKeyMeansTheSame() {
        TokenBucketPolicy p = new TokenBucketPolicy("x", 4, 0.5);
        Result r = TokenBucketMath.take(p, new State(1.5, T0), T0);
        long expiry = r.millisUntilFull();
        assertThat(expiry).isEqualTo(7000); // 3.5 tokens at 0.5/s
        Result stored = TokenBucketMath.take(p, r.state(), T0 + expiry);
        Result fresh = TokenBucketMath.take(p, null, T0 + expiry);
        assertThat(stored).isEqualTo(fresh);
    }

    @Test
    void decisionsRoundEveryWaitUp() {
        assertThat(RateLimitDecision.ceilSeconds(0)).isZero();
        assertThat(RateLimitDecision.ceilSeconds(1)).isEqualTo(1);
        assertThat(RateLimitDecision.ceilSeconds(1000)).isEqualTo(1);
        assertThat(RateLimitDecision.ceilSeconds(1001)).isEqualTo(2);
        TokenBucketPolicy p = new TokenBucketPolicy("x", 5, 1000);
        RateLimitDecision d = RateLimitDecision.of(p, false, 0, 1, 5);
        assertThat(d.retryAfterSeconds()).isEqualTo(1);
        assertThat(d.resetSeconds()).isEqualTo(1);
    }
}
