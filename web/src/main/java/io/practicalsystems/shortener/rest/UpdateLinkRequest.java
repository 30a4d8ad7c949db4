package io.practicalsystems.shortener.rest;

/**
 * Body of {@code PATCH /api/urls/{code}}: any subset of a new destination {@code url}, {@code redirectType},
 * {@code expiresAt} (ISO-8601), or {@code clearExpiry=true}. Statistics are kept across changes.
 */
public record UpdateLinkRequest(String url, Integer redirectType, String expiresAt, Boolean clearExpiry) {
}
