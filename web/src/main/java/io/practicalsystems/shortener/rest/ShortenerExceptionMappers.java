package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.InvalidLinkException;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** problem+json for each shortener failure. */
public final class ShortenerExceptionMappers {

    private ShortenerExceptionMappers() {
    }

    @Provider
    public static class InvalidLink implements ExceptionMapper<InvalidLinkException> {
        @Override
        public Response toResponse(InvalidLinkException e) {
            return Problems.badRequest(e.field(), e.getMessage());
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<ShortenerExceptions.LinkNotFound> {
        @Override
        public Response toResponse(ShortenerExceptions.LinkNotFound e) {
            return Problems.of(404, "link-not-found", "Short link not found", e.getMessage());
        }
    }

    @Provider
    public static class Expired implements ExceptionMapper<ShortenerExceptions.LinkExpired> {
        @Override
        public Response toResponse(ShortenerExceptions.LinkExpired e) {
            return Problems.of(410, "link-expired", "Short link expired", e.getMessage());
        }
    }

    @Provider
    public static class AliasTaken implements ExceptionMapper<ShortenerExceptions.AliasTaken> {
        @Override
        public Response toResponse(ShortenerExceptions.AliasTaken e) {
            return Problems.problem(409, "alias-taken", "Alias already taken", e.getMessage(),
                    Map.of("field", "alias")).build();
        }
    }

    @Provider
    public static class NotOwner implements ExceptionMapper<ShortenerExceptions.NotOwner> {
        @Override
        public Response toResponse(ShortenerExceptions.NotOwner e) {
            return Problems.of(403, "not-owner", "Not the owner of this link", e.getMessage());
        }
    }

    @Provider
    public static class Unavailable implements ExceptionMapper<ShortenerExceptions.StorageUnavailable> {
        @Override
        public Response toResponse(ShortenerExceptions.StorageUnavailable e) {
            return Problems.problem(503, "shortener-unavailable", "Storage unavailable", e.getMessage(),
                    Map.of("retryAfterSeconds", 5)).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
    }
}
