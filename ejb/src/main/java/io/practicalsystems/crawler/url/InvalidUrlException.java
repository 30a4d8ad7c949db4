package io.practicalsystems.crawler.url;

/** A string that is not a crawlable http(s) URL; the message is a sentence a user can act on. */
public class InvalidUrlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidUrlException(String message) {
        super(message);
    }
}
