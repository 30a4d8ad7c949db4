package io.practicalsystems.feed.timeline;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * One user's home feed: the IDs of posts pushed to it, newest first, at most {@code cap} of them. IDs are Snowflake
 * longs, so ordering by ID is ordering by publish time and needs no separate score. Adding is idempotent (a
 * redelivered fanout adds nothing twice); past the cap the oldest IDs fall off, so an ID older than a full feed's
 * oldest is not kept at all. This is the semantics of a Redis sorted set trimmed after each add (ZADD with the ID as
 * score, then ZREMRANGEBYRANK 0 -(cap+1)); this class is its in-memory model and specification.
 */
public final class HomeFeed {

    /** The default cap: deep enough for many screens of scrolling; older posts are read from authors' lists. */
    public static final int DEFAULT_CAP = 800;

    private final int cap;
    private final TreeSet<Long> newestFirst = new TreeSet<>(Comparator.reverseOrder());

    public HomeFeed(int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        this.cap = cap;
    }

    public HomeFeed() {
        this(DEFAULT_CAP);
    }

    /** Adds a post ID; true if the feed changed (false when it was there already, or is older than a full feed). */
    public boolean add(long postId) {
        if (!newestFirst.add(postId)) {
            return false;
        }
        if (newestFirst.size() > cap) {
            return newestFirst.pollLast() != postId;
        }
        return true;
    }

    /** Removes a post ID (a deleted post, an unfollow clean-up); true if it was there. */
    public boolean remove(long postId) {
        return newestFirst.remove(postId);
    }

    public boolean contains(long postId) {
        return newestFirst.contains(postId);
    }

    public int size() {
        return newestFirst.size();
    }

    public int cap() {
        return cap;
    }

    /** The IDs, newest (largest) first: the order {@link TimelineMerge} takes its sources in. */
    public List<Long> newestFirst() {
        return List.copyOf(newestFirst);
    }
}
