package io.practicalsystems.feed.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * One follow edge (collection {@value #COLLECTION}): {@code followerId} follows {@code followeeId}. The id is
 * {@link #idFor natural} ("follower:followee"), so following twice stores one edge; both directions are queried by
 * field (followers of X: {@code followeeId = X}; following of X: {@code followerId = X}).
 */
@Entity(FollowDocument.COLLECTION)
public record FollowDocument(@Id String id, @Column long followerId, @Column long followeeId,
                             @Column long createdAt) {

    public static final String COLLECTION = "feed_follows";

    public static String idFor(long followerId, long followeeId) {
        return followerId + ":" + followeeId;
    }

    public static FollowDocument of(long followerId, long followeeId, long nowMillis) {
        return new FollowDocument(idFor(followerId, followeeId), followerId, followeeId, nowMillis);
    }
}
