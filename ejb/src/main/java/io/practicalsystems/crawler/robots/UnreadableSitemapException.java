package io.practicalsystems.crawler.robots;

/** A sitemap that is neither XML, RSS/Atom nor text the sitemap protocol allows; the message says why. */
public class UnreadableSitemapException extends Exception {

    private static final long serialVersionUID = 1L;

    public UnreadableSitemapException(String message, Throwable cause) {
        super(message, cause);
    }
}
