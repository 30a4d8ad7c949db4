package io.practicalsystems.platform.rest;

import io.practicalsystems.platform.problem.Incidents;
import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.problem.StatusProblems;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS implementation's own refusals — 404 for unknown paths, 405, 406, 415, unconvertible parameters — keep
 * their status and headers ({@code Allow}, …) and get the {@link StatusProblems generic problem} for the status: the
 * implementation's messages ("RESTEASY003210: …") name its classes. A 500 is an incident. A response that already
 * carries a problem passes through.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity() && Problems.PROBLEM_JSON.isCompatible(original.getMediaType())) {
            return original;
        }
        int status = original.getStatus();
        Problem problem = status == 500
                ? Incidents.record(exception, "JAX-RS answered 500")
                : StatusProblems.of(status, uriInfo.getRequestUri().getRawPath());
        Response.ResponseBuilder builder = Problems.response(problem);
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }
}
