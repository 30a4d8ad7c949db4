package io.practicalsystems.feed.application;

import io.practicalsystems.feed.fanout.FanoutPlan;
import io.practicalsystems.feed.fanout.FanoutPlanner;
import io.practicalsystems.feed.fanout.FanoutBatches;
import io.practicalsystems.feed.fanout.Follower;
import io.practicalsystems.feed.fanout.PublishedPost;
import io.practicalsystems.feed.live.LiveFeed;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fanout listener does with each message. A PUSH post is planned (FanoutPlanner: active followers only, in
 * batches): one batch is pushed at once, more are sent back to the queue as one message per batch, so no message
 * holds more than a batch of followers and each is retried on its own. Pushing is ZADD of the ID (idempotent), so a
 * redelivered message adds nothing twice. Everything a fanout needs is in Redis and the documents, nothing only in
 * memory: a server stopping mid-fanout leaves its message unacknowledged, and it is redelivered.
 */
@ApplicationScoped
public class FanoutService {

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

    /** A new post: push (or split into batch messages), or for a PULL post only announce it live. */
    public FanoutPlan publish(PublishedPost post) {
        if (post.mergedAtRead()) {
            live.announcePulled(post.postId(), post.authorId());
            return planner.plan(post, List.of(), System.currentTimeMillis());
        }
        List<Long> users = new ArrayList<>(cache.sets().members(cache.followers(post.authorId())));
        users.add(post.authorId()); // the author's own timeline shows their posts too
        List<Long> lastReads = cache.lastReads(users);
        List<Follower> followers = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            followers.add(new Follower(users.get(i), lastReads.get(i)));
        }
        FanoutPlan plan = planner.plan(post, followers, System.currentTimeMillis());
        List<List<Long>> batches = planner.batches(plan);
        if (batches.size() == 1) {
            push(post, batches.get(0));
        } else if (batches.size() > 1) {
            messages.push(post, batches);
        }
        return plan;
    }

    /** One batch: one pipelined round trip of idempotent adds, then the live announcement. */
    public void push(PublishedPost post, List<Long> recipients) {
        cache.feeds().addToEach(cache.homeKeys(recipients), post.postId());
        live.announcePushed(post.postId(), post.authorId(), recipients);
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
