package io.practicalsystems.crawler.application;

/**
 * Where a crawl is in its life. CREATED (defined, nothing fetched) → RUNNING ⇄ PAUSED, and from any of those to
 * STOPPED by the operator; RUNNING → FINISHED when the frontier is exhausted. STOPPED and FINISHED are final. The
 * legal moves are {@link CrawlAction}s.
 */
public enum CrawlState {
    CREATED, RUNNING, PAUSED, STOPPED, FINISHED;

    /** No action leads out of a final state. */
    public boolean isFinal() {
        return this == STOPPED || this == FINISHED;
    }
}
