package io.practicalsystems.feed.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** {@code userId} likes {@code postId} (collection {@value #COLLECTION}); id "post:user", so a like is stored once. */
@Entity(LikeDocument.COLLECTION)
public record LikeDocument(@Id String id, @Column long postId, @Column long userId, @Column long createdAt) {

    public static final String COLLECTION = "feed_likes";

    public static String idFor(long postId, long userId) {
        return postId + ":" + userId;
    }

    public static LikeDocument of(long postId, long userId, long nowMillis) {
        return new LikeDocument(idFor(postId, userId), postId, userId, nowMillis);
    }
}
