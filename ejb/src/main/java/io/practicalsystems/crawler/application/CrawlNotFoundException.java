package io.practicalsystems.crawler.application;

/** No crawl with that id (404). */
public class CrawlNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CrawlNotFoundException(String crawlId) {
        super("no crawl '" + crawlId + "'");
    }
}
