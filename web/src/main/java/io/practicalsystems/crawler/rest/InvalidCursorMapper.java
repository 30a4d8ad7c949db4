package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.InvalidCursorException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A cursor this server did not hand out for this listing: 400 on cursor. */
@Provider
public class InvalidCursorMapper implements ExceptionMapper<InvalidCursorException> {

    @Override
    public Response toResponse(InvalidCursorException e) {
        return Problems.badRequest("cursor", e.getMessage());
    }
}
