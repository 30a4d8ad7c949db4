package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.robots.RobotsDecision;
import io.practicalsystems.crawler.url.NormalizedUrl;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Step (b): robots.txt. With a live decision for the URL's origin ({@link RobotsCache}): a disallowed URL is SKIPPED
 * and recorded, an allowed one goes on. Without one, robots.txt is fetched now and that request is the host's fetch
 * for this turn: the decision is stored for every server, the sitemaps it lists (or {@code /sitemap.xml} when it
 * lists none) are offered, and the URL goes back to its queue (REQUEUE) with the host's politeness delay. When
 * robots.txt is unreadable (429, 5xx, timeout, connection failure) nothing on the host is fetched: the URL is
 * retried after the robots retry delay, and FAILED ({@code robots-unavailable}) after its last attempt. When the
 * host cannot be reached for good (no such name, a refused address), the URL fails at once with that error.
 */
final class RobotsStep {

    /** Either the decision to fetch under, or how the task ended here. */
    record Verdict(RobotsDecision allowed, Done done) {
    }

    private final RobotsCache cache;
    private final Frontier frontier;
    private final PageSink pages;
    private final CrawlTally tally;
    private final FailureStep failures;
    private final int maxAttempts;
    private final LongSupplier clock;

    RobotsStep(RobotsCache cache, Frontier frontier, PageSink pages, CrawlTally tally, FailureStep failures,
               int maxAttempts, LongSupplier clock) {
        this.cache = cache;
        this.frontier = frontier;
        this.pages = pages;
        this.tally = tally;
        this.failures = failures;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    /**
     * Repeated by the pipeline while Redis is away ({@link OutageWait}). Once this task has requested robots.txt the
     * request was the host's turn, whatever failed after it: a repeat stores and offers again from the same answer
     * and gives the URL back, so neither robots.txt nor the page is requested a second time in this turn.
     */
    Verdict check(CrawlContext crawl, Claim claim, NormalizedUrl url, RobotsTxtOnce robotsTxt) {
        if (robotsTxt.requested()) {
            return new Verdict(null, fetchRobots(crawl, claim, url, robotsTxt));
        }
        Optional<RobotsCache.Cached> cached = cache.find(crawl.crawlId(), url);
        if (cached.isEmpty()) {
            return new Verdict(null, fetchRobots(crawl, claim, url, robotsTxt));
        }
        RobotsDecision decision = cached.get().decision();
        if (decision.kind() == RobotsDecision.Kind.DISALLOW_ALL) {
            long left = Math.max(0, cached.get().expiresAtMillis() - clock.getAsLong());
            return new Verdict(null, unavailable(crawl, claim, decision, left));
        }
        if (!decision.allows(claim.url())) {
            pages.save(PageRecords.outcome(crawl.crawlId(), claim, 0, null, "robots-disallowed", List.of(),
                    clock.getAsLong()));
            return new Verdict(null, new Done(Outcome.SKIPPED, 0, "disallowed by robots.txt"));
        }
        return new Verdict(decision, null);
    }

    private Done fetchRobots(CrawlContext crawl, Claim claim, NormalizedUrl url, RobotsTxtOnce robotsTxt) {
        FetchResult response = robotsTxt.get();
        if (response instanceof FetchResult.Failed failed && !FailureStep.isTransient(failed.kind())) {
            // No such host, a refused address, a bad URL: the page would fail the same way, and for good.
            return failures.failed(crawl, claim, failed, null);
        }
        RobotsDecision decision = cache.store(crawl.crawlId(), url, response);
        if (decision.kind() == RobotsDecision.Kind.DISALLOW_ALL) {
            return unavailable(crawl, claim, decision, decision.retryAfterMs());
        }
        List<String> listed = decision.sitemaps().isEmpty() ? List.of(url.origin() + "/sitemap.xml")
                : decision.sitemaps();
        List<FrontierUrl> sitemaps = listed.stream()
                .flatMap(s -> Links.inScope(crawl, s, 0, UrlKind.SITEMAP).stream()).toList();
        if (!sitemaps.isEmpty()) {
            frontier.offer(crawl.crawlId(), sitemaps, crawl.limits());
        }
        return new Done(Outcome.REQUEUE, crawl.delays().delayAfterSuccess(decision.crawlDelayMs()),
                "robots.txt fetched: " + decision.reason());
    }

    private Done unavailable(CrawlContext crawl, Claim claim, RobotsDecision decision, long retryInMs) {
        long delay = Math.max(crawl.delays().delayAfterSuccess(0), retryInMs);
        if (claim.attempt() + 1 < maxAttempts) {
            return new Done(Outcome.RETRY, delay, decision.reason());
        }
        tally.error(crawl.crawlId(), "robots-unavailable");
        pages.save(PageRecords.outcome(crawl.crawlId(), claim, 0, null, "robots-unavailable", List.of(),
                clock.getAsLong()));
        return new Done(Outcome.FAILED, delay, decision.reason());
    }
}
