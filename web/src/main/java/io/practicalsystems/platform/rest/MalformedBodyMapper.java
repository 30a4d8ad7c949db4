package io.practicalsystems.platform.rest;

import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request body that is not the JSON the endpoint expects: 400, not the provider's 500. */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<JsonbException> {

    @Override
    public Response toResponse(JsonbException exception) {
        return StrictUtf8JsonBodies.invalidUtf8(exception).orElseGet(() -> Problems.badRequest("body",
                "the request body is not valid JSON for this endpoint"));
    }
}
