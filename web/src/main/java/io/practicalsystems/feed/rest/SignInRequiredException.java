package io.practicalsystems.feed.rest;

/** A feed call that needs a signed-in user came without a token: 401 ({@link SignInRequiredMapper}). */
public class SignInRequiredException extends RuntimeException {

    public SignInRequiredException() {
        super("This request needs a signed-in user: log in (POST /api/feed/sessions) and send the token it returns as "
                + "'Authorization: Bearer <token>'.");
    }
}
