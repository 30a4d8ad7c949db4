package io.practicalsystems.platform.rest.ratelimit;

import io.practicalsystems.platform.problem.ServletProblems;
import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.RateLimiter;
import io.practicalsystems.platform.ratelimit.TokenBucketPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@link RateLimitFilter}'s token, for the answers servlet filters give before JAX-RS (the shortener's fast paths):
 * the same client identity, bucket, headers and 429 problem+json.
 */
@ApplicationScoped
public class ServletRateLimits {

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    /**
     * Takes a token of {@code policyName} for the client ({@code verifiedKeyId}, else its address) and puts the
     * RateLimit headers on {@code response}; when the bucket is empty, writes the 429 answer and returns false.
     * Fails open (Redis down: true, no headers), as the JAX-RS filter does.
     */
    public boolean take(String policyName, String verifiedKeyId, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        String client = ClientIdentity.of(verifiedKeyId, request.getRemoteAddr(),
                request.getHeader(ClientIdentity.FORWARDED_FOR_HEADER), trustForwardedFor);
        Optional<RateLimitDecision> decision = limiter.tryAcquire(policyName, client);
        if (decision.isEmpty()) {
            return true;
        }
        TokenBucketPolicy policy = limiter.policy(policyName);
        RateLimitHeaders.of(policy, decision.get()).forEach(response::setHeader);
        if (decision.get().allowed()) {
            return true;
        }
        ServletProblems.write(RateLimitFilter.tooManyRequestsProblem(policy, decision.get()), response);
        return false;
    }
}
