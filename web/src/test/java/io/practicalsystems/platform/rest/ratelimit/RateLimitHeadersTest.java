package io.practicalsystems.platform.rest.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.TokenBucketPolicy;
import org.junit.jupiter.api.Test;

class RateLimitHeadersTest {

    private final TokenBucketPolicy create = new TokenBucketPolicy("create", 20, 0.2);

    @Test
    void anAllowedRequestAnnouncesLimitRemainingResetAndPolicy() {
        assertThat(RateLimitHeaders.of(create, new RateLimitDecision(true, 20, 7, 65, 0))).containsExactly(
                entry("RateLimit-Limit", "20"),
                entry("RateLimit-Remaining", "7"),
                entry("RateLimit-Reset", "65"),
                entry("RateLimit-Policy", "20;w=100"));
    }

    @Test
    void aDeniedRequestAddsRetryAfter() {
        assertThat(RateLimitHeaders.of(create, new RateLimitDecision(false, 20, 0, 100, 5)))
                .containsEntry("RateLimit-Remaining", "0")
                .containsEntry("Retry-After", "5");
    }
}
