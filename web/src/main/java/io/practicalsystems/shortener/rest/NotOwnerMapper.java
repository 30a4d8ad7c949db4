package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A change to a link by someone other than its owner: 403. */
@Provider
public class NotOwnerMapper implements ExceptionMapper<ShortenerExceptions.NotOwner> {

    @Override
    public Response toResponse(ShortenerExceptions.NotOwner e) {
        return Problems.of(403, "not-owner", "Not the owner of this link", e.getMessage());
    }
}
