package io.practicalsystems.shortener.rest;

import io.practicalsystems.shortener.application.LinkView;


/** A link as JSON: times as ISO-8601 strings. */
public record ShortLinkJson(String code, String shortUrl, String url, int redirectType, boolean customAlias,
                            String createdAt, String updatedAt, String expiresAt, boolean expired) {

    static ShortLinkJson of(LinkView view, String shortUrl) {
        return new ShortLinkJson(view.code(), shortUrl, view.url(), view.redirectType(), view.customAlias(),
                String.valueOf(view.createdAt()), String.valueOf(view.updatedAt()),
                view.expiresAt() == null ? null : view.expiresAt().toString(), view.expired());
    }
}
