package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.Base62;
import io.practicalsystems.shortener.application.links.ShortLink;
import java.time.Instant;

/**
 * A validated create waiting for its batch: everything of the row but the ID (issued per batch, one call to the ID
 * generator for all) and, without an alias, the code (the Base62 form of the ID).
 */
record NewLink(String alias, String url, String targetHash, String ownerKey, int redirectStatus, Instant createdAt,
               Instant expiresAt) {

    ShortLink withId(long id) {
        boolean custom = alias != null;
        return new ShortLink(id, custom ? alias : Base62.encode(id), url, targetHash, ownerKey, redirectStatus, custom,
                createdAt, expiresAt);
    }
}
