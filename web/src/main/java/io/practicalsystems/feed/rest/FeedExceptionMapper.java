package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.application.FeedException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A request the feed refused: its status (400, 403, 404, 409, 429 with Retry-After) and sentence as problem+json. */
@Provider
public class FeedExceptionMapper implements ExceptionMapper<FeedException> {

    @Override
    public Response toResponse(FeedException e) {
        Response.ResponseBuilder problem = Problems.problem(e.kind().status, "feed-" + e.kind().slug, e.kind().title,
                e.getMessage(), java.util.Map.of());
        if (e.retryAfterSeconds() > 0) {
            problem.header("Retry-After", e.retryAfterSeconds());
        }
        return problem.build();
    }
}
