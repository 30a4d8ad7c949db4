package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.Account;
import io.practicalsystems.feed.account.AccountService;
import io.practicalsystems.feed.account.InvalidAccountInputException;
import io.practicalsystems.platform.rest.KnownFieldsBody;
import io.practicalsystems.platform.rest.ratelimit.RateLimited;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Sign-up: {@code POST /api/feed/users}, no token needed, rate-limited per client ({@code feed-signup}). */
@Path("/api/feed/users")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    AccountService accounts;

    @POST
    @RateLimited("feed-signup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign up: 201 with the new user; 409 when the handle is taken (in any letter case)")
    public Response signUp(@RequestBody(description = "{\"handle\": 3-30 of a-z 0-9 _, \"password\": 8-128 "
            + "characters, \"displayName\": at most 50, optional}") InputStream body) {
        SignUpRequest request = KnownFieldsBody.bind(body, SignUpRequest.class);
        if (request == null) {
            throw new InvalidAccountInputException("body", "a JSON object with handle and password is required");
        }
        Account account = accounts.signUp(request.handle(), request.password(), request.displayName());
        return Response.created(URI.create("/api/feed/users/" + account.handle())).entity(AccountJson.of(account))
                .build();
    }
}
