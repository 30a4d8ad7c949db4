package io.practicalsystems.shortener.rest;

import io.practicalsystems.shortener.application.CreateLinkCommand;
import io.practicalsystems.shortener.application.LinkOwner;

/**
 * Body of {@code POST /api/urls}. Only {@code url} is required; {@code redirectType} is 301 or 302 (default);
 * {@code expiresAt} an ISO-8601 instant; {@code idempotent=true} returns the caller's existing code for the URL.
 */
public record CreateLinkRequest(String url, String alias, String expiresAt, Integer redirectType, Boolean idempotent) {

    /** What both ways in ({@link UrlResource#create}, {@link CreateFastPath}) hand to the creator. */
    CreateLinkCommand command(String apiKey) {
        return new CreateLinkCommand(LinkOwner.fromApiKey(apiKey), url, alias, expiresAt, redirectType,
                Boolean.TRUE.equals(idempotent));
    }
}
