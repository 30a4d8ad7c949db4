package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.TrapRules;
import java.util.Optional;

/** Turns a URL found while crawling (outlink, sitemap entry, redirect target) into what the frontier is offered. */
final class Links {

    private Links() {
    }

    /**
     * The URL normalised the crawl's way, if it is a valid http(s) URL inside the crawl's scope. Pages are
     * prioritised by depth (breadth first); sitemaps go first (priority 0) and are not counted as query variants.
     */
    static Optional<FrontierUrl> inScope(CrawlContext crawl, String url, int depth, UrlKind kind) {
        NormalizedUrl normalized;
        try {
            normalized = crawl.normalizer().normalize(url);
        } catch (IllegalArgumentException e) { // InvalidUrlException is one
            return Optional.empty();
        }
        if (!crawl.scope().decide(normalized).inScope()) {
            return Optional.empty();
        }
        return Optional.of(kind == UrlKind.PAGE
                ? FrontierUrl.page(normalized.value(), normalized.hostKey(), depth, TrapRules.pathKey(normalized))
                : new FrontierUrl(normalized.value(), normalized.hostKey(), depth, 0, null, kind));
    }
}
