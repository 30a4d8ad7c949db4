package io.practicalsystems.feed.fanout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The hybrid push/pull decision. Pushing (fanout on write) makes reads one range query per reader but costs one
 * write per follower per post; for an author with millions of followers that is millions of writes for every post,
 * most to feeds that are not read soon. Pulling (fanout on read) costs nothing at write time but makes every read
 * gather posts from every followed author. The hybrid pushes ordinary authors' posts and pulls celebrities' — a
 * reader follows few celebrities, so the read-time merge stays small — and skips inactive followers.
 */
public final class FanoutPlanner {

    private final FanoutSettings settings;

    public FanoutPlanner(FanoutSettings settings) {
        this.settings = settings;
    }

    public FanoutSettings settings() {
        return settings;
    }

    /** {@link DeliveryMode#PULL} for a celebrity (at least {@code celebrityFollowers} followers), else PUSH. */
    public DeliveryMode modeFor(long followerCount) {
        if (followerCount < 0) {
            throw new IllegalArgumentException("followerCount must not be negative, got " + followerCount);
        }
        return followerCount >= settings.celebrityFollowers() ? DeliveryMode.PULL : DeliveryMode.PUSH;
    }

    /** The post as published now: its mode is fixed from the author's follower count at this moment. */
    public PublishedPost publish(long postId, long authorId, long followerCount) {
        return new PublishedPost(postId, authorId, modeFor(followerCount));
    }

    /**
     * Whom to push {@code post} to. A PULL post goes to nobody (the followers need not even be loaded). A PUSH post
     * goes to each active follower once; a follower listed twice is pushed at most once and decided by the first
     * listing (a list re-read mid-change must not cost writes, even though adding to a feed is idempotent).
     */
    public FanoutPlan plan(PublishedPost post, Collection<Follower> followers, long nowMillis) {
        if (post.mergedAtRead()) {
            return new FanoutPlan(post, List.of(), 0);
        }
        List<Long> recipients = new ArrayList<>(followers.size());
        Set<Long> seen = new HashSet<>();
        int skipped = 0;
        for (Follower follower : followers) {
            if (!seen.add(follower.userId())) {
                continue;
            }
            if (isActive(follower.lastActiveAtMillis(), nowMillis)) {
                recipients.add(follower.userId());
            } else {
                skipped++;
            }
        }
        return new FanoutPlan(post, recipients, skipped);
    }

    /** The plan's recipients in pipelined batches of at most {@link FanoutSettings#batchSize()}. */
    public List<List<Long>> batches(FanoutPlan plan) {
        return FanoutBatches.split(plan.recipients(), settings.batchSize());
    }

    /**
     * The plan's batches, the first {@link FanoutSettings#inlineBatches()} for the publish listener to push itself
     * (no message to commit and deliver first) and the rest for the queue.
     */
    public FanoutWork work(FanoutPlan plan) {
        List<List<Long>> batches = batches(plan);
        int inline = Math.min(batches.size(), settings.inlineBatches());
        return new FanoutWork(batches.subList(0, inline), batches.subList(inline, batches.size()));
    }

    /**
     * True when a user last active at {@code lastActiveAtMillis} still gets pushes at {@code nowMillis}: at most
     * {@code inactiveAfterMillis} ago (a time in the future, from clock skew, counts as active).
     */
    public boolean isActive(long lastActiveAtMillis, long nowMillis) {
        long cutoff = nowMillis - settings.inactiveAfterMillis();
        if (cutoff > nowMillis) { // underflowed: every representable time is within the window
            return true;
        }
        return lastActiveAtMillis >= cutoff;
    }

    /**
     * True when a reader's home feed may lack pushed posts and must be rebuilt from storage before it is read. The
     * same test as {@link #isActive}, so a follower skipped by a fanout always rebuilds at the next read: the
     * last-read time does not move until that read (see {@link Follower}), and the cutoff only moves forward.
     */
    public boolean feedNeedsRebuild(long lastActiveAtMillis, long nowMillis) {
        return !isActive(lastActiveAtMillis, nowMillis);
    }
}
