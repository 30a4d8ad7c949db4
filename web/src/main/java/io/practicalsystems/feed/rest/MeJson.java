package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.account.Account;

/** {@code GET /api/feed/me}: the signed-in user. */
public record MeJson(String id, String handle, String displayName) {

    public static MeJson of(Account account) {
        return new MeJson(Long.toString(account.id()), account.handle(), account.displayName());
    }
}
