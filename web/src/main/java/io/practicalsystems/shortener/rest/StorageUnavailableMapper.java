package io.practicalsystems.shortener.rest;

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

    @Override
    public Response toResponse(ShortenerExceptions.StorageUnavailable e) {
        return Problems.problem(503, "shortener-unavailable", "Storage unavailable", e.getMessage(),
                Map.of("retryAfterSeconds", 5)).header(HttpHeaders.RETRY_AFTER, 5).build();
    }
}
