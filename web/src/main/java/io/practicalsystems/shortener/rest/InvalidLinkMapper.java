package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.InvalidLinkException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A link, alias or expiry the shortener refuses: 400 naming the field. */
@Provider
public class InvalidLinkMapper implements ExceptionMapper<InvalidLinkException> {

    @Override
    public Response toResponse(InvalidLinkException e) {
        return Problems.response(problem(e)).build();
    }

    /** Also the create fast path's answer. */
    static Problem problem(InvalidLinkException e) {
        return Problems.badRequestProblem(e.field(), e.getMessage());
    }
}
