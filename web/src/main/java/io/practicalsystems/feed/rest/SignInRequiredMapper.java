package io.practicalsystems.feed.rest;

import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** No feed token on a call that needs one: 401 problem+json with the Bearer challenge (RFC 6750). */
@Provider
public class SignInRequiredMapper implements ExceptionMapper<SignInRequiredException> {

    /** The challenge of every feed 401 the application answers itself. */
    public static final String CHALLENGE = "Bearer realm=\"feed\"";

    @Override
    public Response toResponse(SignInRequiredException e) {
        return Problems.problem(401, "sign-in-required", "Sign-in required", e.getMessage(), Map.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE).build();
    }
}
