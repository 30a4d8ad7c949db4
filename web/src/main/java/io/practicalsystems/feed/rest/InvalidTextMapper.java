package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.post.PostText;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Post or comment text that breaks the rules (empty, too long, control characters): 400 naming the field. */
@Provider
public class InvalidTextMapper implements ExceptionMapper<PostText.InvalidTextException> {

    @Override
    public Response toResponse(PostText.InvalidTextException e) {
        return Problems.badRequest(e.field(), e.getMessage());
    }
}
