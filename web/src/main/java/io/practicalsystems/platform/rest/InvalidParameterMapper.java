package io.practicalsystems.platform.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Bad client input our code found in a named field: 400 naming the field, with the sentence it was thrown with. */
@Provider
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameterException> {

    @Override
    public Response toResponse(InvalidParameterException exception) {
        return Problems.badRequest(exception.field(), exception.getMessage());
    }
}
