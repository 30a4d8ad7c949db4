package io.practicalsystems.feed.session;

/** Log-in cannot sign tokens: the key pair failed to load at start (logged there). Answered 503. */
public class SigningKeyUnavailableException extends RuntimeException {

    public SigningKeyUnavailableException(String reason) {
        super(reason);
    }
}
