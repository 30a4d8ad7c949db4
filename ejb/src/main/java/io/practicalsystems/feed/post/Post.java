package io.practicalsystems.feed.post;

import io.practicalsystems.feed.fanout.DeliveryMode;
import java.util.Objects;

/**
 * A post: its ID (Snowflake, so it orders by time), author, text, when it was created (epoch ms), what it replies to
 * and what it reposts (null when nothing), the delivery mode fixed at publish, and whether it was deleted (a deleted
 * post keeps its document as a tombstone so no cache tier can bring it back).
 */
public record Post(long id, long authorId, String text, long createdAtMillis, Long replyTo, Long sharedFrom,
                   DeliveryMode mode, boolean deleted) {

    public Post {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(mode, "mode");
    }

    public Post asDeleted() {
        return new Post(id, authorId, text, createdAtMillis, replyTo, sharedFrom, mode, true);
    }
}
