package io.practicalsystems.feed.rest;

import io.practicalsystems.feed.session.TokenSigner;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who a request's feed token says the caller is. Liberty's mpJwt feature has already checked the token (signature
 * with the feed's public key, issuer, audience, expiry) before the request reaches the application; this only reads
 * what a checked token carries and refuses a principal that is not a feed token: none at all, another kind of
 * principal, a token without the {@code feed-user} group or without an expiry, or one whose subject is not a
 * positive decimal user ID. Plain Java over the {@link JsonWebToken} interface, unit-tested.
 *
 * @param id        the user's ID ({@code sub})
 * @param handle    the user's handle ({@code upn}), lower-case
 * @param expiresAt when the token expires ({@code exp})
 */
public record FeedIdentity(long id, String handle, Instant expiresAt) {

    public static Optional<FeedIdentity> of(Principal principal) {
        if (!(principal instanceof JsonWebToken token)) {
            return Optional.empty();
        }
        Set<String> groups = token.getGroups();
        String handle = token.getName();
        if (groups == null || !groups.contains(TokenSigner.GROUP) || handle == null || handle.isEmpty()
                || !(token.getClaim("exp") instanceof Number exp)) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(exp.longValue());
        return userId(token.getSubject()).map(id -> new FeedIdentity(id, handle, expiresAt));
    }

    private static Optional<Long> userId(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 19
                || !subject.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(subject);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty(); // above Long.MAX_VALUE
        }
    }
}
