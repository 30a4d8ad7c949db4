package io.practicalsystems.platform.rest;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Reading the request entity failed (malformed JSON and the like): a client error. */
@Provider
public class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException exception) {
        return StrictUtf8JsonBodies.invalidUtf8(exception).orElseGet(() -> Problems.badRequest("body",
                "the request body could not be read: malformed or of the wrong type"));
    }
}
