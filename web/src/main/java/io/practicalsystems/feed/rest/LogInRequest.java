package io.practicalsystems.feed.rest;

/** The body of {@code POST /api/feed/sessions}. */
public record LogInRequest(String handle, String password) {

    @Override
    public String toString() {
        return "LogInRequest[handle=" + handle + "]"; // never the password
    }
}
