package io.practicalsystems.feed.store;

import io.practicalsystems.feed.fanout.DeliveryMode;
import io.practicalsystems.feed.post.Post;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One post (collection {@value #COLLECTION}), id the decimal post ID and {@code postId} the same number (ordering
 * and ranges by number: decimal strings of different lengths do not sort numerically). {@code mode} is fixed at
 * publish. A deleted post stays as a tombstone ({@code deleted} true) so that no cache rebuild can bring it back.
 */
@Entity(PostDocument.COLLECTION)
public record PostDocument(@Id String id, @Column long postId, @Column long authorId, @Column String text,
                           @Column long createdAt, @Column Long replyTo, @Column Long sharedFrom,
                           @Column String mode, @Column boolean deleted) {

    public static final String COLLECTION = "feed_posts";

    public static PostDocument of(Post post) {
        return new PostDocument(Long.toString(post.id()), post.id(), post.authorId(), post.text(),
                post.createdAtMillis(), post.replyTo(), post.sharedFrom(), post.mode().name(), post.deleted());
    }

    public Post post() {
        return new Post(postId, authorId, text, createdAt, replyTo, sharedFrom, DeliveryMode.valueOf(mode), deleted);
    }
}
