package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.dedup.ContentFingerprint;
import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.parse.Outlink;
import io.practicalsystems.crawler.parse.ParsedPage;
import io.practicalsystems.crawler.robots.RobotsDecision;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Step (d) for a page: parse, fingerprint and check for duplicates ({@link ContentIndex}), store the page document,
 * then offer its followable outlinks (not nofollow, in scope, depth + 1 within the crawl's maximum). A duplicate is
 * stored with what it duplicates and its links are not offered: the original's were. The document is stored before
 * the links are offered, so the documents always hold what the frontier was given.
 */
final class PageStep {

    private final ContentIndex duplicates;
    private final Frontier frontier;
    private final PageSink pages;
    private final CrawlTally tally;
    private final int maxStoredLinks;
    private final LongSupplier clock;
    private volatile StepTimer timer = StepTimer.NONE;

    PageStep(ContentIndex duplicates, Frontier frontier, PageSink pages, CrawlTally tally,
             int maxStoredLinks, LongSupplier clock) {
        this.duplicates = duplicates;
        this.frontier = frontier;
        this.pages = pages;
        this.tally = tally;
        this.maxStoredLinks = maxStoredLinks;
        this.clock = clock;
    }

    Done handle(CrawlContext crawl, Claim claim, FetchResult.Fetched fetched, RobotsDecision robots) {
        long delay = crawl.delays().delayAfterSuccess(robots.crawlDelayMs());
        ParsedPage parsed;
        long started = System.nanoTime();
        try {
            parsed = crawl.parser().parse(fetched.body(), fetched.charset(), claim.url());
            started = timer.since(StepTimer.Step.PARSE, started);
        } catch (RuntimeException e) {
            tally.error(crawl.crawlId(), "parse");
            pages.save(PageRecords.outcome(crawl.crawlId(), claim, fetched.status(), fetched.contentType(), "parse",
                    List.of(), clock.getAsLong()));
            return new Done(Outcome.FAILED, delay, "unparseable: " + e.getMessage());
        }
        ContentFingerprint fingerprint = ContentFingerprint.of(parsed.text(), fetched.body());
        ContentIndex.Duplicate duplicate = duplicates.checkAndRecord(crawl.crawlId(), claim.url(), fingerprint);
        timer.since(StepTimer.Step.DEDUP, started);
        List<FrontierUrl> links = duplicate == null ? followable(crawl, claim, parsed) : List.of();
        pages.save(PageRecords.page(crawl.crawlId(), claim, fetched, parsed, fingerprint,
                duplicate == null ? null : duplicate.of(), links, maxStoredLinks, clock.getAsLong()));
        if (!links.isEmpty()) {
            frontier.offer(crawl.crawlId(), links, crawl.limits());
        }
        tally.fetched(crawl.crawlId());
        if (duplicate != null) {
            tally.duplicate(crawl.crawlId());
            return new Done(Outcome.FETCHED, delay, (duplicate.exact() ? "exact" : "near") + " duplicate of "
                    + duplicate.of());
        }
        return new Done(Outcome.FETCHED, delay, "page with " + links.size() + " followable links");
    }

    void timeSteps(StepTimer timer) {
        this.timer = timer;
    }

    private static List<FrontierUrl> followable(CrawlContext crawl, Claim claim, ParsedPage parsed) {
        int depth = claim.depth() + 1;
        if (depth > crawl.definition().maxDepth()) {
            return List.of();
        }
        Map<String, FrontierUrl> links = new LinkedHashMap<>();
        for (Outlink outlink : parsed.outlinks()) {
            if (!outlink.nofollow()) {
                Links.inScope(crawl, outlink.url(), depth, UrlKind.PAGE).ifPresent(u -> links.putIfAbsent(u.url(), u));
            }
        }
        return List.copyOf(links.values());
    }
}
