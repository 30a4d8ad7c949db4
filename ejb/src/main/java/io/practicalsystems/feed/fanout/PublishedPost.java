package io.practicalsystems.feed.fanout;

import java.util.Objects;

/**
 * A post as the fanout sees it: its ID (a Snowflake long, so IDs order posts by time), its author and the delivery
 * mode fixed when it was published (see {@link DeliveryMode} for why it is fixed).
 */
public record PublishedPost(long postId, long authorId, DeliveryMode mode) {

    public PublishedPost {
        Objects.requireNonNull(mode, "mode");
    }

    /** True when the post's ID is written into followers' home feeds (and so must not be merged at read time). */
    public boolean inHomeFeeds() {
        return mode == DeliveryMode.PUSH;
    }

    /** True when readers' timelines merge this post at read time (and so no home feed holds it). */
    public boolean mergedAtRead() {
        return mode == DeliveryMode.PULL;
    }
}
