package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A short link past its expiry: 410, it will not come back. */
@Provider
public class LinkExpiredMapper implements ExceptionMapper<ShortenerExceptions.LinkExpired> {

    @Override
    public Response toResponse(ShortenerExceptions.LinkExpired e) {
        return Problems.of(410, "link-expired", "Short link expired", e.getMessage());
    }
}
