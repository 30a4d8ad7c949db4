package io.practicalsystems.feed.account;

/**
 * A log-in that names no user or the wrong password: answered 401 with one sentence for both, so that the answer does
 * not tell whether a handle exists.
 */
public class InvalidCredentialsException extends RuntimeException {

    public InvalidCredentialsException() {
        super("wrong handle or password");
    }
}
