package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.InvalidAccountInputException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A sign-up or log-in field that breaks a rule: 400 naming the field. */
@Provider
public class InvalidAccountInputMapper implements ExceptionMapper<InvalidAccountInputException> {

    @Override
    public Response toResponse(InvalidAccountInputException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }
}
