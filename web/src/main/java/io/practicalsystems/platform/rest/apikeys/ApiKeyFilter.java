package io.practicalsystems.platform.rest.apikeys;

import io.practicalsystems.platform.apikeys.ApiKeyCheck;
import io.practicalsystems.platform.apikeys.ApiKeyVerifier;
import io.practicalsystems.platform.ratelimit.RateLimitDecision;
import io.practicalsystems.platform.ratelimit.RateLimiter;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.platform.rest.ratelimit.ClientIdentity;
import io.practicalsystems.platform.rest.ratelimit.RateLimitFilter;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies the {@code X-Api-Key} of every request that presents one, before anything else runs: an unknown,
 * revoked or malformed key is answered 401 problem+json; a valid key's public ID is put under
 * {@link ClientIdentity#VERIFIED_API_KEY_PROPERTY}, where the rate limiter (and nothing else) picks it up. A request
 * without the header is anonymous and limited by its address.
 *
 * <p>Checks come from {@link ApiKeyVerifier}'s short cache. A cache miss costs a database query, so misses are
 * limited per address (policy {@value #LOOKUP_POLICY}): a client inventing a key per request gets 401s, then 429s,
 * and never a bucket of its own.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.AUTHENTICATION)
public class ApiKeyFilter implements ContainerRequestFilter {

    static final String LOOKUP_POLICY = "api-key-lookup";

    @Inject
    ApiKeyVerifier verifier;

    @Inject
    RateLimiter limiter;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String presented = request.getHeaderString(ClientIdentity.API_KEY_HEADER);
        if (presented == null || presented.isBlank()) {
            return; // anonymous
        }
        String key = presented.strip();
        Optional<ApiKeyCheck> cached = verifier.cached(key);
        if (cached.isEmpty() && !lookupAllowed(request)) {
            return; // aborted with 429
        }
        ApiKeyCheck check = cached.orElseGet(() -> verifier.lookUp(key));
        if (!check.isValid()) {
            request.abortWith(unauthorized(check));
            return;
        }
        request.setProperty(ClientIdentity.VERIFIED_API_KEY_PROPERTY, check.keyId());
    }

    /** Takes a token of the address's lookup bucket; answers 429 when it is empty. */
    private boolean lookupAllowed(ContainerRequestContext request) {
        String address = ClientIdentity.address(servletRequest.getRemoteAddr(),
                request.getHeaderString(ClientIdentity.FORWARDED_FOR_HEADER), trustForwardedFor);
        Optional<RateLimitDecision> decision = limiter.tryAcquire(LOOKUP_POLICY, address);
        if (decision.isPresent() && !decision.get().allowed()) {
            request.abortWith(RateLimitFilter.tooManyRequests(limiter.policy(LOOKUP_POLICY), decision.get()));
            return false;
        }
        return true;
    }

    private static Response unauthorized(ApiKeyCheck check) {
        String detail = check.outcome() == ApiKeyCheck.Outcome.REVOKED
                ? "This API key was revoked. Ask the administrator for a new one, or send no X-Api-Key."
                : "X-Api-Key is not a key issued by this service. Ask the administrator for one, or send no "
                        + "X-Api-Key (anonymous requests are limited per address).";
        return Response.fromResponse(Problems.of(401, "invalid-api-key", "Invalid API key", detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ClientIdentity.API_KEY_HEADER + "\"")
                .build();
    }
}
