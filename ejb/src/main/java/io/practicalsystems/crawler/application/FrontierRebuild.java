package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.RestoredUrl;
import io.practicalsystems.crawler.url.NormalizedUrl;
import io.practicalsystems.crawler.url.TrapRules;
import io.practicalsystems.crawler.url.UrlNormalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a crawl's frontier from its stored pages, for when Redis lost it (plain Java: unit-tested on the
 * in-memory frontier). Two passes over the pages, in this order: first every stored URL goes back as seen and done
 * ({@link Frontier#restore}: counted as fetched, failed or skipped, per crawl and per host), then the seeds and
 * every page's stored links are offered again — so the seen set admits exactly the links whose pages were never
 * stored, and no stored page is fetched again. What a page document does not hold is lost: links past
 * {@code ps.crawler.max-stored-links} per page, and URLs known only from a sitemap (sitemaps are not stored; their
 * robots.txt is read again only when its cached answer expires).
 */
public final class FrontierRebuild {

    /** Kinds of stored failure that the pipeline completed as SKIPPED (the rest of the failures are FAILED). */
    static final Set<String> SKIPPED_KINDS = Set.of("unsupported-content-type", "robots-disallowed");

    private final Frontier frontier;
    private final String crawlId;
    private final CrawlDefinition definition;
    private final UrlNormalizer normalizer;
    private int restored;
    private int offered;
    private int admitted;

    public FrontierRebuild(Frontier frontier, String crawlId, CrawlDefinition definition) {
        this.frontier = frontier;
        this.crawlId = crawlId;
        this.definition = definition;
        this.normalizer = definition.normalizer();
    }

    /** Pass 1, page by page over all stored pages: each URL seen and done. */
    public void restore(List<PageDocument> pages) {
        List<RestoredUrl> done = new ArrayList<>();
        for (PageDocument page : pages) {
            frontierUrl(page.url(), page.depth()).ifPresent(url -> done.add(new RestoredUrl(url, outcome(page))));
        }
        restored += frontier.restore(crawlId, done);
    }

    /** Pass 2, after pass 1 is complete: the seeds (once), then page by page the stored links. */
    public void offerSeeds() {
        offer(definition.seedUrls());
    }

    public void offerLinks(List<PageDocument> pages) {
        List<FrontierUrl> links = new ArrayList<>();
        for (PageDocument page : pages) {
            // a redirect's target is offered at the redirect's depth, a page's links one deeper
            int depth = page.errorKind() == null && page.status() >= 300 && page.status() < 400 ? page.depth()
                    : page.depth() + 1;
            for (String link : page.links() == null ? List.<String>of() : page.links()) {
                frontierUrl(link, depth).ifPresent(links::add);
            }
        }
        offer(links);
    }

    private void offer(List<FrontierUrl> urls) {
        if (!urls.isEmpty()) {
            offered += urls.size();
            admitted += frontier.offer(crawlId, urls, definition.frontierLimits()).admitted();
        }
    }

    /** What the rebuild did: URLs restored as done, URLs offered again, and of those admitted (to be fetched). */
    public record Result(int restored, int offered, int admitted) {
    }

    public Result result() {
        return new Result(restored, offered, admitted);
    }

    static Outcome outcome(PageDocument page) {
        if (page.errorKind() == null) {
            return Outcome.FETCHED;
        }
        return SKIPPED_KINDS.contains(page.errorKind()) ? Outcome.SKIPPED : Outcome.FAILED;
    }

    /** The stored URL as the frontier takes it (stored URLs are normalised already; this finds their keys). */
    private Optional<FrontierUrl> frontierUrl(String url, int depth) {
        try {
            NormalizedUrl normalized = normalizer.normalize(url);
            return Optional.of(FrontierUrl.page(normalized.value(), normalized.hostKey(), depth,
                    TrapRules.pathKey(normalized)));
        } catch (IllegalArgumentException e) { // not expected of a stored URL; it is left out
            return Optional.empty();
        }
    }
}
