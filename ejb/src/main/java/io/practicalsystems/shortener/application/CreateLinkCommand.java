package io.practicalsystems.shortener.application;

/**
 * A request to shorten {@code url}. Optional: {@code alias} (custom code), {@code expiresAt} (ISO-8601 instant),
 * {@code redirectStatus} (301 or 302; null = 302), {@code idempotent} (same URL + same owner → the existing code).
 */
public record CreateLinkCommand(LinkOwner owner, String url, String alias, String expiresAt, Integer redirectStatus,
                                boolean idempotent) {
}
