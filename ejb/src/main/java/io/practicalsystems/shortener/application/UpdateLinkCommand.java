package io.practicalsystems.shortener.application;

/** A partial update: null fields stay as they are; {@code clearExpiry} removes an expiry. */
public record UpdateLinkCommand(LinkOwner owner, String url, String expiresAt, boolean clearExpiry,
                                Integer redirectStatus) {
}
