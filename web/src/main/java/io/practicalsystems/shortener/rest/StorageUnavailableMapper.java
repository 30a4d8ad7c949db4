package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The shortener's database is unreachable: 503 with Retry-After. */
@Provider
public class StorageUnavailableMapper implements ExceptionMapper<ShortenerExceptions.StorageUnavailable> {

    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(ShortenerExceptions.StorageUnavailable e) {
        return Problems.response(problem(e)).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    /** Also the create fast path's answer (with the same Retry-After). */
    static Problem problem(ShortenerExceptions.StorageUnavailable e) {
        return new Problem(503, "shortener-unavailable", "Storage unavailable", e.getMessage(),
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }
}
