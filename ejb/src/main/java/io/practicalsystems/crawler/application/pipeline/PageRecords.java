package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.application.store.PageDocument;
import io.practicalsystems.crawler.dedup.ContentFingerprint;
import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.parse.ParsedPage;
import java.util.List;

/**
 * The page documents the pipeline stores: a fetched page (with what it duplicates, if anything, and its followable
 * links, bounded, so a frontier lost with its Redis can be rebuilt from the documents), or a URL that ended
 * otherwise (redirect, skipped, failed) with its status and a short error kind.
 */
final class PageRecords {

    private PageRecords() {
    }

    static PageDocument page(String crawlId, Claim claim, FetchResult.Fetched fetched, ParsedPage parsed,
                             ContentFingerprint fingerprint, String duplicateOf, List<FrontierUrl> links,
                             int maxStoredLinks, long nowMillis) {
        return new PageDocument(PageDocument.idFor(crawlId, claim.url()), crawlId, claim.url(), fetched.status(),
                fetched.contentType(), parsed.title(), parsed.description(), parsed.canonical(), parsed.language(),
                parsed.headings(), parsed.outlinks().size(), nowMillis, claim.depth(), fingerprint.sha256Hex(),
                fingerprint.simHash(), duplicateOf, fetched.truncated(), null, bounded(links, maxStoredLinks));
    }

    /**
     * A URL that ended without a page: {@code status} 0 when no response arrived; {@code errorKind} null when
     * nothing went wrong (a redirect); {@code links}: a redirect's target, else empty.
     */
    static PageDocument outcome(String crawlId, Claim claim, int status, String contentType, String errorKind,
                                List<FrontierUrl> links, long nowMillis) {
        return new PageDocument(PageDocument.idFor(crawlId, claim.url()), crawlId, claim.url(), status, contentType,
                null, null, null, null, List.of(), links.size(), nowMillis, claim.depth(), null, 0, null, false,
                errorKind, bounded(links, links.size()));
    }

    private static List<String> bounded(List<FrontierUrl> links, int max) {
        return links.stream().limit(max).map(FrontierUrl::url).toList();
    }
}
