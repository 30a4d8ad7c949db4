package io.practicalsystems.crawler.application.store;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.SeenSetDefinition;
import jakarta.nosql.Column;
import jakarta.nosql.Entity;
import jakarta.nosql.Id;
import java.util.List;

/**
 * One crawl in the document store (collection {@value #COLLECTION}): its definition, flat, its state and when things
 * happened (epoch milliseconds; null when not yet); a crawl created before seen sets were chosen has no
 * {@code seenSetKind} and the exact set. {@code frontierRebuiltAt}: when its frontier was last rebuilt from the
 * pages after Redis lost it (null: never). {@code seeded} says the seeds reached the frontier, so the seed
 * step of a later run need not offer them again. The state changes only by compare-and-set
 * ({@link CrawlStore#transition}), never by rewriting the document.
 */
@Entity(CrawlDocument.COLLECTION)
public record CrawlDocument(@Id String id, @Column String state,
                            @Column List<String> seeds, @Column List<String> allowedDomains,
                            @Column List<String> deniedDomains, @Column List<String> includePatterns,
                            @Column List<String> excludePatterns, @Column int maxDepth, @Column long maxPages,
                            @Column long maxPagesPerHost, @Column long minDelayMs,
                            @Column boolean allowPrivateAddresses, @Column int maxUrlLength,
                            @Column int maxPathRepetitions, @Column int maxQueryVariantsPerPath,
                            @Column boolean sortQueryParameters, @Column long createdAt, @Column long updatedAt,
                            @Column Long startedAt, @Column Long endedAt, @Column boolean seeded,
                            @Column String seenSetKind, @Column Long seenSetExpectedUrls,
                            @Column Double seenSetFalsePositiveRate, @Column Long frontierRebuiltAt) {

    public static final String COLLECTION = "crawls";

    /** A new crawl, CREATED at {@code nowMillis}. */
    public static CrawlDocument created(String id, CrawlDefinition d, long nowMillis) {
        return new CrawlDocument(id, CrawlState.CREATED.name(), d.seeds(), d.allowedDomains(), d.deniedDomains(),
                d.includePatterns(), d.excludePatterns(), d.maxDepth(), d.maxPages(), d.maxPagesPerHost(),
                d.minDelayMs(), d.allowPrivateAddresses(), d.maxUrlLength(), d.maxPathRepetitions(),
                d.maxQueryVariantsPerPath(), d.sortQueryParameters(), nowMillis, nowMillis, null, null, false,
                d.seenSet().kind(), d.seenSet().expectedUrls(), d.seenSet().falsePositiveRate(), null);
    }

    public CrawlState crawlState() {
        return CrawlState.valueOf(state);
    }

    public CrawlDefinition definition() {
        return new CrawlDefinition(nullToEmpty(seeds), nullToEmpty(allowedDomains), nullToEmpty(deniedDomains),
                nullToEmpty(includePatterns), nullToEmpty(excludePatterns), maxDepth, maxPages, maxPagesPerHost,
                minDelayMs, allowPrivateAddresses, maxUrlLength, maxPathRepetitions, maxQueryVariantsPerPath,
                sortQueryParameters, seenSetKind == null ? null
                        : new SeenSetDefinition(seenSetKind, seenSetExpectedUrls, seenSetFalsePositiveRate));
    }

    // The document store drops empty arrays on some paths; a definition's lists are never null.
    private static List<String> nullToEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}
