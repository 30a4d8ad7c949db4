package io.practicalsystems.crawler.parse;

import java.util.List;

/**
 * What the crawler keeps from an HTML page. Strings are whitespace-collapsed and bounded; absent values are
 * {@code null} (lists are empty instead).
 *
 * @param title        the {@code <title>}
 * @param description  the meta description
 * @param canonical    the {@code <link rel="canonical">} URL, absolute and normalised
 * @param language     the {@code <html lang>} (or Content-Language meta) value, e.g. "en-GB"
 * @param headings     h1–h6 texts in document order
 * @param outlinks     distinct links in document order, at most the parser's bound
 * @param text         the body's visible text, at most the parser's bound
 * @param charset      the charset the bytes were decoded with (from the HTTP header, a BOM, a meta tag, or UTF-8)
 * @param metaNoIndex  meta robots says noindex (or none)
 * @param metaNoFollow meta robots says nofollow (or none)
 */
public record ParsedPage(String title, String description, String canonical, String language, List<String> headings,
                         List<Outlink> outlinks, String text, String charset, boolean metaNoIndex,
                         boolean metaNoFollow) {

    public ParsedPage {
        headings = List.copyOf(headings);
        outlinks = List.copyOf(outlinks);
    }
}
