package io.practicalsystems.feed.session;

import java.time.Instant;

/** A signed feed token (compact JWS) and when it stops being accepted. */
public record IssuedToken(String token, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedToken[expiresAt=" + expiresAt + "]"; // never the token: it is a credential
    }
}
