package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.store.PageDocument;
import java.util.HexFormat;
import java.util.List;

/** A stored page as JSON; {@code simHash} as 16 hex digits, {@code fetchedAt} ISO-8601. */
public record PageJson(String url, int status, String contentType, String title, String description,
                       String canonical, String language, List<String> headings, int outlinks, String fetchedAt,
                       int depth, String contentHash, String simHash, String duplicateOf, boolean truncated,
                       String errorKind) {

    static PageJson of(PageDocument p) {
        return new PageJson(p.url(), p.status(), p.contentType(), p.title(), p.description(), p.canonical(),
                p.language(), p.headings(), p.outlinks(), CrawlJson.time(p.fetchedAt()), p.depth(), p.contentHash(),
                HexFormat.of().toHexDigits(p.simHash()), p.duplicateOf(), p.truncated(), p.errorKind());
    }
}
