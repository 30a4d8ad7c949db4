package io.practicalsystems.platform.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** 404 for unknown paths, 405, 406, 415, parameter conversion errors…: same status, problem+json body. */
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
        Response.StatusType info = original.getStatusInfo();
        Response.ResponseBuilder builder = Problems.problem(status, slug(status), info.getReasonPhrase(),
                detail(status, exception), java.util.Map.of());
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    /** The implementation's own messages ("RESTEASY003210: …") are noise to a client; say what happened. */
    private String detail(int status, WebApplicationException exception) {
        return switch (status) {
            case 404 -> "No resource at " + uriInfo.getRequestUri().getRawPath();
            case 405 -> "This resource does not support that HTTP method";
            case 406 -> "This resource cannot produce the requested media type";
            case 415 -> "This resource does not accept that Content-Type";
            default -> status >= 500 ? null : exception.getMessage();
        };
    }

    private static String slug(int status) {
        return switch (status) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }
}
