package io.practicalsystems.feed.application;

import io.practicalsystems.feed.cache.CappedFeeds;
import io.practicalsystems.feed.fanout.FanoutBatches;
import io.practicalsystems.feed.fanout.FanoutPlan;
import io.practicalsystems.feed.fanout.FanoutPlanner;
import io.practicalsystems.feed.fanout.FanoutWork;
import io.practicalsystems.feed.fanout.Follower;
import io.practicalsystems.feed.fanout.PublishedPost;
import io.practicalsystems.feed.live.LiveAnnouncement;
import io.practicalsystems.feed.live.LiveFeed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the fanout listener does with each message. A PUSH post is planned (FanoutPlanner: active followers only, in
 * batches): the first {@code ps.feed.fanout.inline-batches} batches are pushed at once by the listener itself, any
 * more are sent back to the queue as one message per batch, so no message holds more than a batch of followers and
 * one listener's work (redone whole when redelivered) stays bounded. Pushing is ZADD of the ID (idempotent), so a
 * redelivered message adds nothing twice. Everything a fanout needs is in Redis and the documents, nothing only in
 * memory: a server stopping mid-fanout leaves its message unacknowledged, and it is redelivered.
 */
@ApplicationScoped
public class FanoutService {

    private static final Logger LOG = Logger.getLogger(FanoutService.class.getName());

    @Inject
    FeedCache cache;

    @Inject
    FeedSettings settings;

    @Inject
    FanoutMessages messages;

    @Inject
    LiveFeed live;

    private FanoutPlanner planner;

    @PostConstruct
    void init() {
        planner = new FanoutPlanner(settings.fanout());
    }

    /**
     * A new post: the first batches pushed here and now, any more sent back to the queue (in the caller's
     * transaction: they go out if it commits); for a PULL post only the live announcement.
     */
    public FanoutPlan publish(PublishedPost post) {
        if (post.mergedAtRead()) {
            live.announcePulled(post.postId(), post.authorId());
            return planner.plan(post, List.of(), System.currentTimeMillis());
        }
        long startedAt = System.currentTimeMillis();
        long started = System.nanoTime();
        List<Long> users = new ArrayList<>(cache.sets().members(cache.followers(post.authorId())));
        users.add(post.authorId()); // the author's own timeline shows their posts too
        long followersRead = System.nanoTime();
        List<Long> lastReads = cache.lastReads(users);
        long lastReadsRead = System.nanoTime();
        List<Follower> followers = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            followers.add(new Follower(users.get(i), lastReads.get(i)));
        }
        FanoutPlan plan = planner.plan(post, followers, System.currentTimeMillis());
        FanoutWork work = planner.work(plan);
        long planned = System.nanoTime();
        push(post, work.inline());
        long pushed = System.nanoTime();
        messages.push(post, work.queued());
        if (LOG.isLoggable(Level.FINE)) { // the stage times of docs/feed.md's fanout table
            long queued = System.nanoTime();
            LOG.fine(String.format("feed fanout of post %d: %d feeds, %d inactive skipped; followers %.1f ms, "
                            + "last reads %.1f ms, plan %.1f ms, %d batches pushed %.1f ms, %d queued %.1f ms; "
                            + "started at %d (epoch ms)", post.postId(), plan.recipients().size(),
                    plan.skippedInactive(), ms(started, followersRead), ms(followersRead, lastReadsRead),
                    ms(lastReadsRead, planned), work.inline().size(), ms(planned, pushed), work.queued().size(),
                    ms(pushed, queued), startedAt));
        }
        return plan;
    }

    /**
     * Batches pushed: each one script call (its adds, then its live announcement), several calls to a round trip;
     * idempotent, so a redelivered message adds nothing twice.
     */
    public void push(PublishedPost post, List<List<Long>> batches) {
        String channel = cache.keys().liveChannel();
        cache.feeds().pushEach(batches, recipients -> new CappedFeeds.Push(cache.homeKeys(recipients), post.postId(),
                channel, LiveAnnouncement.pushed(post.postId(), post.authorId(), recipients).encode()));
    }

    private static double ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e6;
    }

    /** A deleted post out of its author's followers' feeds (and the author's), a pipelined batch at a time. */
    public void delete(PublishedPost post) {
        List<Long> users = new ArrayList<>(cache.sets().members(cache.followers(post.authorId())));
        users.add(post.authorId());
        for (List<Long> batch : FanoutBatches.split(users, settings.fanout().batchSize())) {
            cache.feeds().removeFromEach(cache.homeKeys(batch), post.postId());
        }
    }
}
