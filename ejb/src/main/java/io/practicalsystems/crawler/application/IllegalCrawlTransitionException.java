package io.practicalsystems.crawler.application;

/** An action the crawl's current state does not allow (409): e.g. pausing a crawl that is not running. */
public class IllegalCrawlTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CrawlState current;
    private final CrawlAction action;

    public IllegalCrawlTransitionException(String crawlId, CrawlState current, CrawlAction action) {
        super("crawl " + crawlId + " is " + current + ": it cannot " + action.verb() + describeAllowed(current));
        this.current = current;
        this.action = action;
    }

    private static String describeAllowed(CrawlState current) {
        StringBuilder allowed = new StringBuilder();
        for (CrawlAction a : CrawlAction.values()) {
            if (a != CrawlAction.FINISH && a.allowedFrom(current)) {
                allowed.append(allowed.isEmpty() ? "" : ", ").append(a.verb());
            }
        }
        return allowed.isEmpty() ? " (it is final)" : " (possible now: " + allowed + ")";
    }

    public CrawlState current() {
        return current;
    }

    public CrawlAction action() {
        return action;
    }
}
