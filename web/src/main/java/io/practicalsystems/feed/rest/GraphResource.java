package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.application.GraphService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Follow and block (signed in; idempotent, 204). */
@Path("/api/feed")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class GraphResource {

    @Inject
    FeedCaller caller;

    @Inject
    GraphService graph;

    @PUT
    @Path("follows/{handle}")
    @Operation(summary = "Follow a user (400 yourself, 404 unknown, 403 if they blocked you)")
    public Response follow(@PathParam("handle") String handle) {
        graph.follow(caller.id(), handle);
        return Response.noContent().build();
    }

    @DELETE
    @Path("follows/{handle}")
    @Operation(summary = "Stop following a user: their future posts no longer reach you")
    public Response unfollow(@PathParam("handle") String handle) {
        graph.unfollow(caller.id(), handle);
        return Response.noContent().build();
    }

    @PUT
    @Path("blocks/{handle}")
    @Operation(summary = "Block a user: follows both ways end, their posts never reach you, they cannot follow you")
    public Response block(@PathParam("handle") String handle) {
        graph.block(caller.id(), handle);
        return Response.noContent().build();
    }

    @DELETE
    @Path("blocks/{handle}")
    @Operation(summary = "Unblock a user")
    public Response unblock(@PathParam("handle") String handle) {
        graph.unblock(caller.id(), handle);
        return Response.noContent().build();
    }
}
