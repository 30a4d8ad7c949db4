package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.apikeys.ApiKeyCheck;
import io.practicalsystems.platform.apikeys.ApiKeyVerifier;
import io.practicalsystems.platform.problem.ServletProblems;
import io.practicalsystems.platform.rest.ratelimit.ClientIdentity;
import io.practicalsystems.platform.rest.ratelimit.ServletRateLimits;
import io.practicalsystems.shortener.InvalidLinkException;
import io.practicalsystems.shortener.application.LinkCreator;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import io.practicalsystems.shortener.application.ShortenerSettings;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Answers the common {@code POST /api/urls} before JAX-RS, with what {@link UrlResource#create} answers: the same
 * {@link LinkCreator} call (all validation is the creator's), the same token of the client's {@code create} bucket
 * (ServletRateLimits: 429 problem+json with Retry-After and the RateLimit headers, which every answer carries), 201 with the link and
 * Location, 200 for an idempotent repeat, 400 naming the field, 409 alias taken, 503 storage down — the same
 * problem bodies as the JAX-RS mappers (they share them). Why: a create's POST stack (web container, JAX-RS, the
 * REST metrics timer, CDI request machinery) cost more server CPU than the create itself (docs/shortener.md).
 *
 * <p>Only what it is sure of: exactly {@code /api/urls} without query, {@code Content-Type: application/json}
 * (UTF-8), an {@code Accept} that takes JSON, no {@code Authorization} or {@code Content-Encoding}, a declared length
 * of at most {@value #MAX_BODY_BYTES} bytes, a body {@link PlainCreateBody} reads, and no {@code X-Api-Key} or one
 * the key cache already knows as valid ({@link ApiKeyVerifier#cached}: what {@code ApiKeyFilter} would accept
 * without a lookup). Everything else goes on to JAX-RS unchanged (a body it read is handed on as it came), which
 * answers as before: unknown or revoked keys (401), malformed or odd bodies (400), other media types (415)…
 *
 * <p>These creates are counted in the application metric {@value #ANSWERED_METRIC}, not in the REST timer.
 */
@WebFilter(urlPatterns = "/api/urls", asyncSupported = true)
public class CreateFastPath extends HttpFilter {

    static final String ANSWERED_METRIC = "shortener.creates.fast";
    /** The longest URL allowed, every character escaped as {@code \\uXXXX}, fits with room to spare. */
    static final int MAX_BODY_BYTES = 16 * 1024;

    private static final Set<String> JSON_TYPES = Set.of("application/json", "application/json;charset=utf-8",
            "application/json;charset=\"utf-8\"");
    private static final Set<String> ACCEPTS_JSON = Set.of("*/*", "application/json", "application/*");
    private static final Jsonb JSONB = JsonbBuilder.create(); // the JAX-RS provider's defaults: the same bytes

    @Inject
    LinkCreator creator;

    @Inject
    ShortenerSettings settings;

    @Inject
    ServletRateLimits rateLimits;

    @Inject
    ApiKeyVerifier keys;

    @Inject
    MetricRegistry metrics;

    private Counter answered;

    @Override
    public void init() {
        answered = metrics.counter(Metadata.builder().withName(ANSWERED_METRIC)
                .withDescription("Creates answered before JAX-RS (the others are in the REST timer of UrlResource)")
                .build());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!plainCreate(request)) {
            chain.doFilter(request, response);
            return;
        }
        String apiKey = request.getHeader(ClientIdentity.API_KEY_HEADER);
        Optional<Caller> caller = callerKnownWithoutLookup(apiKey);
        if (caller.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) request.getContentLengthLong());
        Optional<CreateLinkRequest> create = PlainCreateBody.parse(body);
        if (create.isEmpty()) {
            chain.doFilter(new ReplayedBody(request, body), response);
            return;
        }
        answered.inc();
        if (!rateLimits.take(UrlResource.CREATE_POLICY, caller.get().keyId(), request, response)) {
            return;
        }
        try {
            LinkCreator.Created result = creator.create(create.get().command(apiKey));
            String shortUrl = UrlResource.shortUrl(settings, result.link().code());
            byte[] json = JSONB.toJson(ShortLinkJson.of(result.link(), shortUrl)).getBytes(StandardCharsets.UTF_8);
            response.setStatus(result.created() ? HttpServletResponse.SC_CREATED : HttpServletResponse.SC_OK);
            if (result.created()) {
                response.setHeader("Location", shortUrl);
            }
            response.setContentType("application/json");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        } catch (InvalidLinkException e) {
            ServletProblems.write(InvalidLinkMapper.problem(e), response);
        } catch (ShortenerExceptions.AliasTaken e) {
            ServletProblems.write(AliasTakenMapper.problem(e), response);
        } catch (ShortenerExceptions.StorageUnavailable e) {
            response.setHeader("Retry-After", Integer.toString(StorageUnavailableMapper.RETRY_AFTER_SECONDS));
            ServletProblems.write(StorageUnavailableMapper.problem(e), response);
        } catch (RuntimeException e) {
            // what JAX-RS's last resort would answer, not the container's error page
            ServletProblems.writeUnexpected(e, "a create on the fast path", response);
        }
    }

    /** The request's line and headers are a plain create's (the body is looked at later). */
    private static boolean plainCreate(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod()) || request.getQueryString() != null
                || !(request.getContextPath() + "/api/urls").equals(request.getRequestURI())) {
            return false;
        }
        long length = request.getContentLengthLong();
        String type = request.getContentType();
        String accept = request.getHeader("Accept");
        return length > 0 && length <= MAX_BODY_BYTES && type != null
                && JSON_TYPES.contains(type.replace(" ", "").toLowerCase(Locale.ROOT))
                && (accept == null || ACCEPTS_JSON.contains(accept.strip()))
                && request.getHeader("Authorization") == null && request.getHeader("Content-Encoding") == null;
    }

    /** Who creates, as far as the fast path knows: {@code keyId} null for an anonymous caller. */
    private record Caller(String keyId) {
    }

    /**
     * As {@code ApiKeyFilter} decides without a lookup: an anonymous caller, or the key's ID for a key the cache
     * knows as valid; empty for anything JAX-RS must decide (a key to look up, an invalid or revoked one).
     */
    private Optional<Caller> callerKnownWithoutLookup(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.of(new Caller(null));
        }
        return keys.cached(presented.strip()).filter(ApiKeyCheck::isValid).map(check -> new Caller(check.keyId()));
    }
}
