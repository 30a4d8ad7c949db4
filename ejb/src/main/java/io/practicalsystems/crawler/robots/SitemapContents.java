package io.practicalsystems.crawler.robots;

import java.util.List;

/**
 * What one sitemap lists.
 *
 * @param pageUrls    page URLs (from a {@code <urlset>} or a text sitemap), as written; normalise before use
 * @param sitemapUrls nested sitemaps (from a {@code <sitemapindex>}), as written
 * @param truncated   the sitemap listed more URLs than the reader's bound; the rest were dropped
 */
public record SitemapContents(List<String> pageUrls, List<String> sitemapUrls, boolean truncated) {

    public SitemapContents {
        pageUrls = List.copyOf(pageUrls);
        sitemapUrls = List.copyOf(sitemapUrls);
    }
}
