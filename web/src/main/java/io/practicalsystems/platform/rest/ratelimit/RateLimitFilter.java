package io.practicalsystems.platform.rest.ratelimit;

import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.RateLimiter;
import io.practicalsystems.platform.ratelimit.TokenBucketPolicy;
import io.practicalsystems.platform.rest.Problems;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Enforces {@link RateLimited}: one token per request from the client's bucket of the named policy.
 *
 * <ul>
 *   <li>Allowed: the request proceeds and its response (whatever its status) carries the {@link RateLimitHeaders}.
 *   </li>
 *   <li>Denied: 429 problem+json (type {@code …/problems/rate-limited}, with {@code policy} and
 *       {@code retryAfterSeconds}), Retry-After and the same headers; the resource method never runs.</li>
 *   <li>Redis unavailable or slow: the request proceeds without RateLimit headers (fail open; the
 *       {@link RateLimiter} logs it, throttled).</li>
 * </ul>
 *
 * Client identity: see {@link ClientIdentity} — the verified API key's ID when the request carries a key (checked
 * before this filter runs), else the address. The remote address is the TCP peer from the servlet container;
 * {@code X-Forwarded-For} is used only with {@code ps.ratelimit.trust-forwarded-for=true} (env
 * PS_RATELIMIT_TRUST_FORWARDED_FOR), because any client can write any address into it — believing it without a
 * proxy of ours that sets it would let a client invent a new address per request and never be limited.
 */
@Provider
@RateLimited
@ApplicationScoped
@Priority(Priorities.AUTHORIZATION + 500) // after authentication (a future user identity), before everything else
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String DECISION_PROPERTY = RateLimitFilter.class.getName() + ".decision";
    static final String POLICY_PROPERTY = RateLimitFilter.class.getName() + ".policy";

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String policyName = policyName();
        String verifiedKeyId = request.getProperty(ClientIdentity.VERIFIED_API_KEY_PROPERTY) instanceof String id
                ? id : null;
        String client = ClientIdentity.of(verifiedKeyId, servletRequest.getRemoteAddr(),
                request.getHeaderString(ClientIdentity.FORWARDED_FOR_HEADER), trustForwardedFor);
        Optional<RateLimitDecision> checked = limiter.tryAcquire(policyName, client);
        if (checked.isEmpty()) {
            return; // fail open (or limiting disabled): no limit known, so none announced
        }
        RateLimitDecision decision = checked.get();
        TokenBucketPolicy policy = limiter.policy(policyName);
        request.setProperty(DECISION_PROPERTY, decision);
        request.setProperty(POLICY_PROPERTY, policy);
        if (!decision.allowed()) {
            request.abortWith(tooManyRequests(policy, decision));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION_PROPERTY) instanceof RateLimitDecision decision
                && request.getProperty(POLICY_PROPERTY) instanceof TokenBucketPolicy policy) {
            RateLimitHeaders.of(policy, decision).forEach(response.getHeaders()::putSingle);
        }
    }

    /** The 429 answer: problem+json naming the policy, Retry-After and the RateLimit headers. */
    public static Response tooManyRequests(TokenBucketPolicy policy, RateLimitDecision decision) {
        Response.ResponseBuilder builder = Problems.response(tooManyRequestsProblem(policy, decision));
        RateLimitHeaders.of(policy, decision).forEach(builder::header);
        return builder.build();
    }

    /** The body of {@link #tooManyRequests}, for answers written outside JAX-RS (the redirect fast path). */
    public static Problem tooManyRequestsProblem(TokenBucketPolicy policy, RateLimitDecision decision) {
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("policy", policy.name());
        extras.put("retryAfterSeconds", decision.retryAfterSeconds());
        return new Problem(429, "rate-limited", "Too Many Requests",
                "Rate limit '" + policy.name() + "' exceeded: at most " + policy.capacity()
                        + " requests at once, refilled at " + policy.refillPerSecond() + " per second. Retry in "
                        + decision.retryAfterSeconds() + " s.", extras);
    }

    /** The method's annotation, else its class's (name binding guarantees one of them is there). */
    private String policyName() {
        Method method = resourceInfo.getResourceMethod();
        RateLimited onMethod = method == null ? null : method.getAnnotation(RateLimited.class);
        if (onMethod != null) {
            return onMethod.value();
        }
        Class<?> type = resourceInfo.getResourceClass();
        RateLimited onClass = type == null ? null : type.getAnnotation(RateLimited.class);
        if (onClass != null) {
            return onClass.value();
        }
        return "default";
    }
}
