package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.session.SigningKeyUnavailableException;
import io.practicalsystems.platform.rest.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** No key to sign tokens with (why is in the server log, never in the answer: it names files): 503. */
@Provider
public class SigningKeyUnavailableMapper implements ExceptionMapper<SigningKeyUnavailableException> {

    @Override
    public Response toResponse(SigningKeyUnavailableException e) {
        return Problems.of(503, "login-unavailable", "Log-in unavailable", "This server has no key to sign tokens "
                + "with, so nobody can log in; the administrator finds the cause in the server log.");
    }
}
