package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.session.SessionService;

/** What log-in answers: the token to send as {@code Authorization: Bearer …}, when it expires, whose it is. */
public record SessionJson(String token, String expiresAt, String handle) {

    public static SessionJson of(SessionService.Session session) {
        return new SessionJson(session.token().token(), session.token().expiresAt().toString(),
                session.account().handle());
    }
}
