package io.practicalsystems.feed.rest;

/** The body of {@code POST /api/feed/users}; {@code displayName} may be left out (it is then the handle). */
public record SignUpRequest(String handle, String password, String displayName) {

    @Override
    public String toString() {
        return "SignUpRequest[handle=" + handle + "]"; // never the password
    }
}
