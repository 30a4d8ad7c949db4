package io.practicalsystems.crawler.application;

/** A crawl run could not be started here (503); the crawl's state was left as it was. */
public class CrawlRunUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CrawlRunUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
