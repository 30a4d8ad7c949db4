package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.robots.RobotsDecision;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Step (d) for a redirect: not followed here (that would be a second request to a host, or a request to another
 * host, outside the frontier's politeness), but offered as a new URL at the same depth and kind, with its hop count
 * ({@link RedirectHops}). A chain longer than the limit ends with the error {@code redirect-limit}; a loop ends by
 * itself when it comes back to a URL already seen. The redirecting URL is recorded with its status and target.
 */
final class RedirectStep {

    private final RedirectHops hops;
    private final Frontier frontier;
    private final PageSink pages;
    private final CrawlTally tally;
    private final int maxRedirects;
    private final LongSupplier clock;

    RedirectStep(RedirectHops hops, Frontier frontier, PageSink pages, CrawlTally tally, int maxRedirects,
                 LongSupplier clock) {
        this.hops = hops;
        this.frontier = frontier;
        this.pages = pages;
        this.tally = tally;
        this.maxRedirects = maxRedirects;
        this.clock = clock;
    }

    Done handle(CrawlContext crawl, Claim claim, FetchResult.Redirect redirect, RobotsDecision robots) {
        long delay = crawl.delays().delayAfterSuccess(robots.crawlDelayMs());
        int hop = hops.hopsTo(crawl.crawlId(), claim.url()) + 1;
        Optional<FrontierUrl> target = Links.inScope(crawl, redirect.location(), claim.depth(), claim.kind());
        if (hop > maxRedirects) {
            tally.error(crawl.crawlId(), "redirect-limit");
            pages.save(PageRecords.outcome(crawl.crawlId(), claim, redirect.status(), null, "redirect-limit",
                    target.stream().toList(), clock.getAsLong()));
            return new Done(Outcome.FAILED, delay, "redirect " + hop + " is past the limit of " + maxRedirects);
        }
        pages.save(PageRecords.outcome(crawl.crawlId(), claim, redirect.status(), null, null,
                target.stream().toList(), clock.getAsLong()));
        if (target.isPresent()) {
            hops.record(crawl.crawlId(), target.get().url(), hop);
            frontier.offer(crawl.crawlId(), List.of(target.get()), crawl.limits());
        }
        return new Done(Outcome.FETCHED, delay, "redirect " + hop + " to " + redirect.location()
                + (target.isPresent() ? "" : " (out of scope)"));
    }
}
