package io.practicalsystems.shortener.application.cache;

import io.practicalsystems.shortener.application.links.ShortLink;
import java.time.Instant;

/**
 * What the redirect path needs about a code, in the compact form kept in Redis:
 * {@code "<status> <expiresEpochMs or -> <url>"}, or {@code "!"} for "no such code" (negative caching).
 */
public record CachedLink(int redirectStatus, Instant expiresAt, String targetUrl) {

    static final String MISSING = "!";

    public boolean isExpired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    String toCacheValue() {
        return redirectStatus + " " + (expiresAt == null ? "-" : Long.toString(expiresAt.toEpochMilli())) + " "
                + targetUrl;
    }

    /** @throws IllegalArgumentException for anything this class did not write */
    static CachedLink fromCacheValue(String value) {
        int first = value.indexOf(' ');
        int second = first < 0 ? -1 : value.indexOf(' ', first + 1);
        if (second < 0) {
            throw new IllegalArgumentException("not a cached link: " + value);
        }
        int status = Integer.parseInt(value.substring(0, first));
        String expiry = value.substring(first + 1, second);
        Instant expiresAt = "-".equals(expiry) ? null : Instant.ofEpochMilli(Long.parseLong(expiry));
        return new CachedLink(status, expiresAt, value.substring(second + 1));
    }

    public static CachedLink of(ShortLink link) {
        return new CachedLink(link.redirectStatus(), link.expiresAt(), link.targetUrl());
    }
}
