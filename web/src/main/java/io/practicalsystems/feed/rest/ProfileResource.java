package io.practicalsystems.feed.rest;

import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.crawler.rest.ListingJson;
import io.practicalsystems.feed.application.GraphService;
import io.practicalsystems.feed.application.PostView;
import io.practicalsystems.feed.application.TimelineService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's profile and posts (anonymous callers too; the {@code …ByMe} flags need a token). */
@Path("/api/feed/users/{handle}")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    @Inject
    FeedCaller caller;

    @Inject
    GraphService graph;

    @Inject
    TimelineService timelines;

    @GET
    @Operation(summary = "A user's profile: counts, and whether you follow or blocked them")
    public FeedJson.Profile profile(@PathParam("handle") String handle) {
        return FeedJson.Profile.of(graph.profile(handle, caller.idIfSignedIn()));
    }

    @GET
    @Path("posts")
    @Operation(summary = "A user's posts, newest first, cursor-paginated (limit 1..100, default 20)")
    public ListingJson<FeedJson.Post> posts(@PathParam("handle") String handle, @QueryParam("cursor") String cursor,
                                            @QueryParam("limit") String limit) {
        return json(timelines.byUser(handle, caller.idIfSignedIn(), cursor, FeedParameters.limit(limit)));
    }

    static ListingJson<FeedJson.Post> json(Listing<PostView> listing) {
        return new ListingJson<>(listing.items().stream().map(FeedJson.Post::of).toList(), listing.next());
    }
}
