package io.practicalsystems.feed.application;

import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Write rate limits per user (not per address: many users share an address, and one user may use many), through the
 * platform limiter's {@code feed-write} policy ({@code ps.ratelimit.feed-write.*}). Fails open with the limiter.
 */
@ApplicationScoped
public class FeedLimits {

    public static final String WRITE_POLICY = "feed-write";

    @Inject
    RateLimiter limiter;

    /** Takes one write token of the user, or refuses with 429 before anything is stored. */
    public void write(long userId) {
        Optional<RateLimitDecision> decision = limiter.tryAcquire(WRITE_POLICY, "user:" + userId);
        if (decision.isPresent() && !decision.get().allowed()) {
            long retryAfter = decision.get().retryAfterSeconds();
            throw FeedException.rateLimited("You are writing too fast; try again in " + retryAfter + " seconds.",
                    retryAfter);
        }
    }
}
