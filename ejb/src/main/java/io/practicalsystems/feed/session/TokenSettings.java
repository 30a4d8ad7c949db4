package io.practicalsystems.feed.session;

import java.time.Duration;

/**
 * What a feed token says beyond who the user is. Liberty's mpJwt checks the same issuer and audience (server.xml
 * passes it the same variables), so a token from another issuer, or one meant for another service, is refused.
 *
 * @param issuer   the {@code iss} claim ({@code ps.feed.jwt.issuer})
 * @param audience the {@code aud} claim ({@code ps.feed.jwt.audience})
 * @param lifetime how long a token is valid after log-in ({@code ps.feed.jwt.lifetime-seconds}): at least a minute,
 *                 at most 30 days — a token cannot be revoked before it expires, so shorter is safer
 */
public record TokenSettings(String issuer, String audience, Duration lifetime) {

    static final Duration MIN_LIFETIME = Duration.ofMinutes(1);
    static final Duration MAX_LIFETIME = Duration.ofDays(30);

    public TokenSettings {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("ps.feed.jwt.issuer must not be empty");
        }
        if (audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("ps.feed.jwt.audience must not be empty");
        }
        if (lifetime == null || lifetime.compareTo(MIN_LIFETIME) < 0 || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("ps.feed.jwt.lifetime-seconds must be between "
                    + MIN_LIFETIME.toSeconds() + " and " + MAX_LIFETIME.toSeconds() + ", got "
                    + (lifetime == null ? null : lifetime.toSeconds()));
        }
    }
}
