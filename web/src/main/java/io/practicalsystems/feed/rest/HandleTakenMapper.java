package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.HandleTakenException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The handle belongs to someone already: 409. */
@Provider
public class HandleTakenMapper implements ExceptionMapper<HandleTakenException> {

    @Override
    public Response toResponse(HandleTakenException e) {
        return Problems.of(409, "handle-taken", "Handle taken", e.getMessage());
    }
}
