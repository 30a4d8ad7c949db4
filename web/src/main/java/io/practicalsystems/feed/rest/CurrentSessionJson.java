package io.practicalsystems.feed.rest;

/** {@code GET /api/feed/sessions/current}: whose token was sent and when it expires, from the token alone. */
public record CurrentSessionJson(String userId, String handle, String expiresAt) {

    static CurrentSessionJson of(FeedIdentity identity) {
        return new CurrentSessionJson(Long.toString(identity.id()), identity.handle(),
                identity.expiresAt().toString());
    }
}
