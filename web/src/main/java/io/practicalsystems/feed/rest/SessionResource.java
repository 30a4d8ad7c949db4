package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.InvalidAccountInputException;
import io.practicalsystems.feed.session.SessionService;
import io.practicalsystems.platform.rest.KnownFieldsBody;
import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Log-in: {@code POST /api/feed/sessions} answers a signed token for the handle and password, rate-limited per client
 * ({@code feed-login}) so that guessing passwords is slow. No server-side session exists: the token is the session,
 * valid until it expires. {@code GET /api/feed/sessions/current} says what the token sent is.
 */
@Path("/api/feed/sessions")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {

    @Inject
    SessionService sessions;

    @Inject
    FeedCaller caller;

    @POST
    @RateLimited("feed-login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in: 200 with a token to send as 'Authorization: Bearer <token>'; 401 for a wrong handle "
            + "or password")
    public SessionJson logIn(@RequestBody(description = "{\"handle\", \"password\"}") InputStream body) {
        LogInRequest request = KnownFieldsBody.bind(body, LogInRequest.class);
        if (request == null) {
            throw new InvalidAccountInputException("body", "a JSON object with handle and password is required");
        }
        return SessionJson.of(sessions.logIn(request.handle(), request.password()));
    }

    /**
     * The session the request's token is: its user ID, handle and expiry, from the token's own claims (nothing is
     * read from storage). Also the cheapest request that passes the token check, which the benchmark uses as a floor.
     */
    @GET
    @Path("current")
    @Operation(summary = "The session of the token sent ('Authorization: Bearer <token>'): user ID, handle, expiry; "
            + "401 without a valid token")
    public CurrentSessionJson current() {
        return CurrentSessionJson.of(caller.signedIn());
    }
}
