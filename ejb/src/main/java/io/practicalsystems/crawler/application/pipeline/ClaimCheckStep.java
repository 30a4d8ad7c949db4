package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.Outcome;
import java.util.Optional;

/**
 * Step (a): may this task fetch at all? Not when its claim is no longer held (completed already, e.g. a redelivered
 * message, or its lease expired and another worker may have the URL): then nothing is done, not even a completion.
 * Not when the crawl is no longer RUNNING, or when so little lease is left that the fetch could outlive it: then the
 * URL goes back to its queue unchanged (REQUEUE, no delay: nothing was requested).
 */
final class ClaimCheckStep {

    /** What the check decided: go on with the crawl, or end here (with a completion, or none when stale). */
    record Verdict(CrawlContext crawl, Done done) {

        static final Verdict STALE = new Verdict(null, null);

        boolean stale() {
            return crawl == null && done == null;
        }
    }

    private final Frontier frontier;
    private final CrawlContexts crawls;
    private final long minLeaseLeftMs;

    ClaimCheckStep(Frontier frontier, CrawlContexts crawls, long minLeaseLeftMs) {
        this.frontier = frontier;
        this.crawls = crawls;
        this.minLeaseLeftMs = minLeaseLeftMs;
    }

    Verdict check(FetchTask task) {
        long leaseLeft = frontier.leaseLeftMillis(task.crawlId(), task.claim());
        if (leaseLeft <= 0) {
            return Verdict.STALE;
        }
        Optional<CrawlContext> crawl = crawls.find(task.crawlId());
        if (crawl.isEmpty() || !crawl.get().running()) {
            return new Verdict(null, new Done(Outcome.REQUEUE, 0, "the crawl is not running"));
        }
        if (leaseLeft < minLeaseLeftMs) {
            return new Verdict(null, new Done(Outcome.REQUEUE, 0, "only " + leaseLeft + " ms of lease left"));
        }
        return new Verdict(crawl.get(), null);
    }
}
