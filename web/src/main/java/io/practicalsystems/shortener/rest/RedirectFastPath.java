package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.ratelimit.ClientIdentity;
import io.practicalsystems.platform.rest.ratelimit.ServletRateLimits;
import io.practicalsystems.shortener.ReferrerHost;
import io.practicalsystems.shortener.UserAgentFamily;
import io.practicalsystems.shortener.application.RedirectService;
import io.practicalsystems.shortener.application.clicks.ClickPublisher;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Answers {@code GET /{code}} for codes the link cache holds, before JAX-RS: the same answer as
 * {@link RedirectResource} (302/301, Location, Cache-Control, the RateLimit headers; 429 problem+json with
 * Retry-After when the client's {@code redirect} bucket is empty), the click counted once, without the per-request
 * JAX-RS matching, filter chain, CDI request machinery and REST metrics timer. Those cost a cached redirect almost
 * half of its CPU (docs/shortener.md, "Where the rest goes"), and a redirect is the one request served at ping rates.
 *
 * <p>Everything it is not sure of goes on to JAX-RS unchanged, which decides as before: other methods (HEAD, POST…),
 * paths that are not a plain code ({@link RedirectPath}), requests with an API key or credentials (their identity
 * and throttling are JAX-RS and container business), codes the caches do not hold as a live link (unknown, known
 * missing, expired, Redis down). A code is in the caches only as long as it is in them for the JAX-RS path, so
 * deleted and updated links are served exactly as stale as before (near cache: at most its TTL, on other servers).
 *
 * <p>These redirects are counted in the application metric {@value #ANSWERED_METRIC} instead of the REST timer of
 * {@link RedirectResource} (which sees the rest).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RedirectFastPath extends HttpFilter {

    static final String ANSWERED_METRIC = "shortener.redirects.fast";

    @Inject
    RedirectService redirects;

    @Inject
    ClickPublisher clicks;

    @Inject
    ServletRateLimits rateLimits;

    @Inject
    MetricRegistry metrics;

    private Counter answered;

    @Override
    public void init() {
        answered = metrics.counter(Metadata.builder().withName(ANSWERED_METRIC)
                .withDescription("Redirects answered from the link cache before JAX-RS (the others are in the REST "
                        + "timer of RedirectResource)").build());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String code = "GET".equals(request.getMethod()) ? RedirectPath.code(request.getRequestURI(),
                request.getContextPath()) : null;
        Optional<RedirectService.Target> target = code == null || request.getHeader("Authorization") != null
                || request.getHeader(ClientIdentity.API_KEY_HEADER) != null
                ? Optional.empty() : redirects.resolveCached(code);
        if (target.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        if (!rateLimits.take(RedirectResource.RATE_LIMIT_POLICY, null, request, response)) {
            return;
        }
        clicks.count(code, System.currentTimeMillis(), ReferrerHost.of(request.getHeader("Referer")),
                UserAgentFamily.of(request.getHeader("User-Agent")));
        response.setStatus(target.get().status());
        response.setHeader("Location", target.get().url());
        response.setHeader("Cache-Control", RedirectResource.cacheControl(target.get().status()));
        response.setContentLength(0);
        answered.inc();
    }
}
