package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.InvalidCredentialsException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/** A wrong handle or password at log-in: 401, the same answer for both. */
@Provider
public class InvalidCredentialsMapper implements ExceptionMapper<InvalidCredentialsException> {

    @Override
    public Response toResponse(InvalidCredentialsException e) {
        return Problems.problem(401, "wrong-credentials", "Wrong handle or password",
                        "No account has this handle and password.", Map.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, SignInRequiredMapper.CHALLENGE).build();
    }
}
