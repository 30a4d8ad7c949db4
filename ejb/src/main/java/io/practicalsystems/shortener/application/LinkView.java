package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.application.links.ShortLink;
import java.time.Instant;

/** A link as the API shows it. */
public record LinkView(String code, String url, int redirectType, boolean customAlias, Instant createdAt,
                       Instant updatedAt, Instant expiresAt, boolean expired) {

    static LinkView of(ShortLink link, Instant now) {
        boolean expired = link.expiresAt() != null && !now.isBefore(link.expiresAt());
        return new LinkView(link.code(), link.targetUrl(), link.redirectStatus(), link.customAlias(),
                link.createdAt(), link.updatedAt(), link.expiresAt(), expired);
    }
}
