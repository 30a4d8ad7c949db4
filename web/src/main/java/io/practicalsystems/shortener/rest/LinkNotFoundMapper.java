package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No short link with that code: 404. */
@Provider
public class LinkNotFoundMapper implements ExceptionMapper<ShortenerExceptions.LinkNotFound> {

    @Override
    public Response toResponse(ShortenerExceptions.LinkNotFound e) {
        return Problems.of(404, "link-not-found", "Short link not found", e.getMessage());
    }
}
