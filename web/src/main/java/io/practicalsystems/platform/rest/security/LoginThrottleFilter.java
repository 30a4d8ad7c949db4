package io.practicalsystems.platform.rest.security;

import io.practicalsystems.platform.loginthrottle.FailedLoginThrottle;
import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.platform.rest.ratelimit.ClientIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Throttles password guessing against this application per client: a request that carries credentials
 * (an {@code Authorization} header) and is answered 401 counts as a failed sign-in for its client address
 * ({@link ClientIdentity}, so X-Forwarded-For only when trusted). After {@code ps.login.max-failures} of them within
 * {@code ps.login.failure-window-seconds}, every request with credentials from that client is answered 429
 * problem+json with Retry-After until the window ends — the password is not even checked, so guesses teach nothing.
 * Requests without credentials (all public endpoints) are never refused here.
 *
 * <p>A servlet filter, not a JAX-RS one: it has to see the final status of authentication, which the container does
 * before and around the JAX-RS resources. Liberty's own applications (/metrics, /ibm/api, Admin Center) are outside
 * this module: the same settings govern the trust association interceptor that throttles them
 * ({@code io.practicalsystems.platform.loginthrottle.liberty.FailedLoginInterceptor}, docs/security.md).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class LoginThrottleFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "ps.login.max-failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "ps.login.failure-window-seconds", defaultValue = "300")
    int windowSeconds;

    @Inject
    @ConfigProperty(name = "ps.ratelimit.trust-forwarded-for", defaultValue = "false")
    boolean trustForwardedFor;

    private FailedLoginThrottle throttle;

    @Override
    public void init() {
        throttle = new FailedLoginThrottle(maxFailures, Duration.ofSeconds(windowSeconds));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getHeader("Authorization") == null) {
            chain.doFilter(request, response);
            return;
        }
        String client = ClientIdentity.of(null, request.getRemoteAddr(),
                request.getHeader(ClientIdentity.FORWARDED_FOR_HEADER), trustForwardedFor);
        OptionalLong retryAfter = throttle.retryAfterSeconds(client);
        if (retryAfter.isPresent()) {
            refuse(response, retryAfter.getAsLong());
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            throttle.recordFailure(client);
        }
    }

    private void refuse(HttpServletResponse response, long retryAfterSeconds) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setContentType(Problems.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(new Problem(429, "too-many-failed-logins", "Too many failed sign-ins",
                maxFailures + " failed sign-ins from this address within " + windowSeconds + " s: sign-ins from it are "
                        + "refused for " + retryAfterSeconds + " s more, whatever the password.",
                Map.of("retryAfterSeconds", retryAfterSeconds)).toJson());
    }
}
