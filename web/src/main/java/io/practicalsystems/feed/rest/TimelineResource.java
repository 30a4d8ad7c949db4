package io.practicalsystems.feed.rest;

import io.practicalsystems.crawler.rest.ListingJson;
import io.practicalsystems.feed.account.AccountDirectory;
import io.practicalsystems.feed.application.TimelineService;
import io.practicalsystems.feed.live.LiveFeed;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's home timeline, paged and live. */
@Path("/api/feed")
@ApplicationScoped
@Tag(name = "News feed")
public class TimelineResource {

    private static final Logger LOG = Logger.getLogger(TimelineResource.class.getName());
    static final long HEARTBEAT_SECONDS = 15;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    FeedCaller caller;

    @Inject
    TimelineService timelines;

    @Inject
    LiveFeed live;

    @Inject
    AccountDirectory accounts;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @GET
    @Path("timeline")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Your home timeline, newest first, cursor-paginated (limit 1..100, default 20)")
    public ListingJson<FeedJson.Post> timeline(@QueryParam("cursor") String cursor,
                                               @QueryParam("limit") String limit) {
        return ProfileResource.json(timelines.home(caller.id(), cursor, FeedParameters.limit(limit)));
    }

    @GET
    @Path("live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Server-sent events: 'post' {id, author} for each new timeline item; a heartbeat every 15 s")
    public void live(@Context SseEventSink sink, @Context Sse sse) {
        long me = caller.id();
        AutoCloseable[] connection = new AutoCloseable[1];
        ScheduledFuture<?>[] heartbeat = new ScheduledFuture<?>[1];
        Runnable close = () -> {
            closeQuietly(connection[0]);
            if (heartbeat[0] != null) {
                heartbeat[0].cancel(false);
            }
            closeQuietly(sink);
        };
        connection[0] = live.connect(me, (postId, authorId) -> {
            if (sink.isClosed()) {
                close.run();
                return;
            }
            String author = accounts.byId(authorId).map(a -> a.handle()).orElse("unknown");
            sink.send(sse.newEventBuilder().name("post").mediaType(MediaType.APPLICATION_JSON_TYPE)
                    .data(JSONB.toJson(new FeedJson.LivePost(Long.toString(postId), author))).build())
                    .whenComplete((ok, failure) -> {
                        if (failure != null) {
                            close.run();
                        }
                    });
        });
        // After connecting (and the server's subscription is in place): from this comment on, nothing is missed.
        sink.send(sse.newEventBuilder().comment("connected").build());
        heartbeat[0] = scheduler.scheduleAtFixedRate(() -> {
            if (sink.isClosed()) {
                close.run();
            } else {
                sink.send(sse.newEventBuilder().comment("heartbeat").build()).whenComplete((ok, failure) -> {
                    if (failure != null) {
                        close.run();
                    }
                });
            }
        }, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "closing a live stream", e);
        }
    }
}
