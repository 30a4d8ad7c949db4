package io.practicalsystems.feed.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** A comment on a post (collection {@value #COLLECTION}); id the decimal comment ID, {@code commentId} the number. */
@Entity(CommentDocument.COLLECTION)
public record CommentDocument(@Id String id, @Column long commentId, @Column long postId, @Column long authorId,
                              @Column String text, @Column long createdAt) {

    public static final String COLLECTION = "feed_comments";

    public static CommentDocument of(long commentId, long postId, long authorId, String text, long nowMillis) {
        return new CommentDocument(Long.toString(commentId), commentId, postId, authorId, text, nowMillis);
    }
}
