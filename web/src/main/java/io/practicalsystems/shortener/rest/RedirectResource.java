package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import io.practicalsystems.shortener.ReferrerHost;
import io.practicalsystems.shortener.UserAgentFamily;
import io.practicalsystems.shortener.application.RedirectService;
import io.practicalsystems.shortener.application.clicks.ClickPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /{code}}: 301/302 to the destination; the click is counted in memory, never waited for. Cached codes
 * are answered before JAX-RS by {@link RedirectFastPath}; this resource answers the rest (cache misses, 404, 410,
 * 503, HEAD, requests with an API key).
 */
@Path("/")
@ApplicationScoped
@Tag(name = "URL shortener")
public class RedirectResource {

    /** The rate-limit policy every redirect takes a token from, here and in {@link RedirectFastPath}. */
    static final String RATE_LIMIT_POLICY = "redirect";

    @Inject
    RedirectService redirects;

    @Inject
    ClickPublisher clicks;

    @GET
    @RateLimited(RATE_LIMIT_POLICY)
    @Path("{code: " + RedirectPath.CODE_PATTERN + "}")
    @Operation(summary = "Redirect to the link's destination (404 unknown, 410 expired)")
    public Response redirect(@PathParam("code") String code, @HeaderParam("Referer") String referer,
                             @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        RedirectService.Target target = redirects.resolve(code);
        clicks.count(code, System.currentTimeMillis(), ReferrerHost.of(referer), UserAgentFamily.of(userAgent));
        return Response.status(target.status())
                .location(URI.create(target.url()))
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(target.status()))
                .build();
    }

    /** 302s must reach us again to be counted; a 301 may be cached, that is what it means. */
    static String cacheControl(int redirectStatus) {
        return redirectStatus == 301 ? "public, max-age=86400" : "no-store";
    }
}
