package io.practicalsystems.feed.rest;

import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.crawler.rest.ListingJson;
import io.practicalsystems.feed.application.CommentView;
import io.practicalsystems.feed.application.PostService;
import io.practicalsystems.feed.application.PostView;
import io.practicalsystems.platform.rest.KnownFieldsBody;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Posts: publish, read, delete, like, comment, share. Writes need a token and count against feed-write. */
@Path("/api/feed/posts")
@ApplicationScoped
@Tag(name = "News feed")
@Produces(MediaType.APPLICATION_JSON)
public class PostResource {

    /** Test-only: with ps.feed.fault-injection.enabled, the post's first fanout delivery fails (JMS redelivery). */
    static final String FAIL_FANOUT_ONCE_HEADER = "X-Feed-Fail-Fanout-Once";

    @Inject
    FeedCaller caller;

    @Inject
    PostService posts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a post {text (1..500 characters), replyTo?}: 201 with the post")
    public Response create(InputStream body, @HeaderParam(FAIL_FANOUT_ONCE_HEADER) String failFanoutOnce) {
        long me = caller.id();
        FeedJson.PostBody post = bound(body, FeedJson.PostBody.class, new FeedJson.PostBody(null, null));
        Long replyTo = post.replyTo() == null ? null : FeedParameters.id("replyTo", post.replyTo());
        return created(posts.create(me, post.text(), replyTo, "true".equals(failFanoutOnce)));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A post (404 if deleted or unknown)")
    public FeedJson.Post get(@PathParam("id") String id) {
        return FeedJson.Post.of(posts.get(FeedParameters.id("id", id), caller.idIfSignedIn()));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete your own post: gone from every feed, timeline and profile (403 if not yours)")
    public Response delete(@PathParam("id") String id) {
        posts.delete(caller.id(), FeedParameters.id("id", id));
        return Response.noContent().build();
    }

    @PUT
    @Path("{id}/like")
    @Operation(summary = "Like a post (idempotent: liking twice counts once)")
    public FeedJson.Like like(@PathParam("id") String id) {
        return new FeedJson.Like(posts.like(caller.id(), FeedParameters.id("id", id), true), true);
    }

    @DELETE
    @Path("{id}/like")
    @Operation(summary = "Take a like back (idempotent)")
    public FeedJson.Like unlike(@PathParam("id") String id) {
        return new FeedJson.Like(posts.like(caller.id(), FeedParameters.id("id", id), false), false);
    }

    @POST
    @Path("{id}/comments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Comment on a post {text}: 201 with the comment")
    public Response comment(@PathParam("id") String id, InputStream body) {
        long me = caller.id();
        long postId = FeedParameters.id("id", id);
        FeedJson.TextBody text = bound(body, FeedJson.TextBody.class, new FeedJson.TextBody(null));
        CommentView comment = posts.comment(me, postId, text.text());
        return Response.created(URI.create("/api/feed/posts/" + postId + "/comments"))
                .entity(FeedJson.Comment.of(comment)).build();
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "A post's comments, oldest first, cursor-paginated (limit 1..100, default 20)")
    public ListingJson<FeedJson.Comment> comments(@PathParam("id") String id, @QueryParam("cursor") String cursor,
                                                  @QueryParam("limit") String limit) {
        Listing<CommentView> page = posts.comments(FeedParameters.id("id", id), cursor, FeedParameters.limit(limit));
        return new ListingJson<>(page.items().stream().map(FeedJson.Comment::of).toList(), page.next());
    }

    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Repost a post with an optional {text}: 201 with the repost (counted on the original)")
    public Response share(@PathParam("id") String id, InputStream body) {
        long me = caller.id();
        long postId = FeedParameters.id("id", id);
        FeedJson.TextBody text = bound(body, FeedJson.TextBody.class, new FeedJson.TextBody(null));
        return created(posts.share(me, postId, text.text()));
    }

    private static Response created(PostView post) {
        return Response.created(URI.create("/api/feed/posts/" + post.post().id())).entity(FeedJson.Post.of(post))
                .build();
    }

    private static <T extends Record> T bound(InputStream body, Class<T> type, T empty) {
        T value = KnownFieldsBody.bind(body, type);
        return value == null ? empty : value;
    }
}
