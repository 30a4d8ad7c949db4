package io.practicalsystems.feed.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/** {@code blockerId} blocked {@code blockedId} (collection {@value #COLLECTION}); id "blocker:blocked", so once. */
@Entity(BlockDocument.COLLECTION)
public record BlockDocument(@Id String id, @Column long blockerId, @Column long blockedId, @Column long createdAt) {

    public static final String COLLECTION = "feed_blocks";

    public static String idFor(long blockerId, long blockedId) {
        return blockerId + ":" + blockedId;
    }

    public static BlockDocument of(long blockerId, long blockedId, long nowMillis) {
        return new BlockDocument(idFor(blockerId, blockedId), blockerId, blockedId, nowMillis);
    }
}
