package io.practicalsystems.feed.store;

import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;

/**
 * A {@code feed.posts} message taken (collection {@value #COLLECTION}); id "author:key" with the producer's
 * idempotency key, so a message delivered twice posts once and one user's keys cannot shadow another's.
 */
@Entity(ExternalPostDocument.COLLECTION)
public record ExternalPostDocument(@Id String id, @Column long authorId, @Column long createdAt) {

    public static final String COLLECTION = "feed_external_posts";

    public static String idFor(long authorId, String key) {
        return authorId + ":" + key;
    }
}
