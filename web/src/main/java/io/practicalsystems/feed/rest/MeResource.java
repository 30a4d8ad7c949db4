package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.AccountDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/feed/me}: who the token says the caller is (401 without one). */
@Path("/api/feed/me")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    FeedCaller caller;

    @Inject
    AccountDirectory accounts;

    @GET
    @Operation(summary = "The signed-in user (needs 'Authorization: Bearer <token>')")
    public MeJson me() {
        long id = caller.id();
        // A valid token names an account that exists: accounts are never deleted.
        return MeJson.of(accounts.byId(id).orElseThrow(SignInRequiredException::new));
    }
}
