package io.practicalsystems.shortener.rest;

import io.practicalsystems.platform.problem.Problem;
import io.practicalsystems.platform.rest.Problems;
import io.practicalsystems.shortener.application.ShortenerExceptions;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** The requested alias belongs to another link: 409 naming the field. */
@Provider
public class AliasTakenMapper implements ExceptionMapper<ShortenerExceptions.AliasTaken> {

    @Override
    public Response toResponse(ShortenerExceptions.AliasTaken e) {
        return Problems.response(problem(e)).build();
    }

    /** Also the create fast path's answer. */
    static Problem problem(ShortenerExceptions.AliasTaken e) {
        return new Problem(409, "alias-taken", "Alias already taken", e.getMessage(), Map.of("field", "alias"));
    }
}
