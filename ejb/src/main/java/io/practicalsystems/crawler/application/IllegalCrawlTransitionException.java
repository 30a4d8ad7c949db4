package io.practicalsystems.crawler.application;

/** An action the crawl's current state does not allow (409): e.g. pausing a crawl that is not running. */
public class IllegalCrawlTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final CrawlState current;
    private final CrawlAction action;

    public IllegalCrawlTransitionException(String crawlId, CrawlState current, CrawlAction action) {
        this(current, action, "crawl " + crawlId + " is " + current + ": it cannot " + action.verb()
                + describeAllowed(current));
    }

    private IllegalCrawlTransitionException(CrawlState current, CrawlAction action, String message) {
        super(message);
        this.current = current;
        this.action = action;
    }

    /** A crawl that runs, or waits paused, is not deleted: its runs on some server still work for it. */
    static IllegalCrawlTransitionException deleteRefused(String crawlId, CrawlState current) {
        return new IllegalCrawlTransitionException(current, null, "crawl " + crawlId + " is " + current
                + ": stop it first (POST /api/crawls/" + crawlId + "/stop), then delete it");
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

    /** The action refused; null for a refused delete. */
    public CrawlAction action() {
        return action;
    }
}
