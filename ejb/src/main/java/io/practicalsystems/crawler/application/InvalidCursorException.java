package io.practicalsystems.crawler.application;

/** A pagination cursor this server did not hand out for this listing (400 on field {@code cursor}). */
public class InvalidCursorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCursorException(String message) {
        super(message);
    }
}
