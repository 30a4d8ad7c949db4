package io.practicalsystems.feed.external;

/** A {@code feed.posts} message that can never be posted; the message says why, for the log. */
public class InvalidExternalPostException extends RuntimeException {

    public InvalidExternalPostException(String message) {
        super(message);
    }
}
