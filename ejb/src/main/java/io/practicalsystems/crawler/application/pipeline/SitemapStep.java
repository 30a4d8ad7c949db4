package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.robots.RobotsDecision;
import io.practicalsystems.crawler.robots.SitemapContents;
import io.practicalsystems.crawler.robots.SitemapReader;
import io.practicalsystems.crawler.robots.UnreadableSitemapException;
import java.util.ArrayList;
import java.util.List;

/**
 * Step (d) for a sitemap: its page URLs are offered at the sitemap's depth (sitemaps enter at depth 0, so their
 * pages are seeds), nested sitemaps of an index as sitemaps, each if in scope. An unreadable sitemap (not XML, text
 * or a feed; often an HTML "not found" page served with 200) is SKIPPED: a site without a sitemap is not an error.
 * No page document: a sitemap is not a page.
 */
final class SitemapStep {

    private final SitemapReader reader;
    private final Frontier frontier;

    SitemapStep(SitemapReader reader, Frontier frontier) {
        this.reader = reader;
        this.frontier = frontier;
    }

    Done handle(CrawlContext crawl, Claim claim, FetchResult.Fetched fetched, RobotsDecision robots) {
        long delay = crawl.delays().delayAfterSuccess(robots.crawlDelayMs());
        SitemapContents contents;
        try {
            contents = reader.read(fetched.body(), fetched.contentType().isEmpty() ? null : fetched.contentType(),
                    claim.url());
        } catch (UnreadableSitemapException e) {
            return new Done(Outcome.SKIPPED, delay, "unreadable sitemap: " + e.getMessage());
        }
        List<FrontierUrl> urls = new ArrayList<>();
        contents.pageUrls().forEach(u -> Links.inScope(crawl, u, claim.depth(), UrlKind.PAGE).ifPresent(urls::add));
        contents.sitemapUrls().forEach(u -> Links.inScope(crawl, u, claim.depth(), UrlKind.SITEMAP)
                .ifPresent(urls::add));
        if (!urls.isEmpty()) {
            frontier.offer(crawl.crawlId(), urls, crawl.limits());
        }
        return new Done(Outcome.FETCHED, delay, "sitemap: " + urls.size() + " URLs in scope of "
                + (contents.pageUrls().size() + contents.sitemapUrls().size()));
    }
}
