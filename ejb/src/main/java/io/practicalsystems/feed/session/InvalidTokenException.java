package io.practicalsystems.feed.session;

/** A feed token that is not accepted: malformed, not signed by the feed, for another issuer or audience, expired. */
public class InvalidTokenException extends RuntimeException {

    public InvalidTokenException(String reason) {
        super(reason);
    }
}
