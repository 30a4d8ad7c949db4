package io.practicalsystems.platform.rest;

import io.practicalsystems.platform.problem.Incidents;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: anything unmapped is an {@link Incidents incident} — a 500 problem carrying an id that also appears in
 * the server log next to the stack trace. The exception's message and class never reach the client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable exception) {
        return Problems.response(Incidents.record(exception, "unmapped exception in a REST call")).build();
    }
}
