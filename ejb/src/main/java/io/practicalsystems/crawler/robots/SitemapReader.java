package io.practicalsystems.crawler.robots;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one sitemap with crawler-commons' {@link SiteMapParser}: XML sitemaps and sitemap indexes, gzipped ones,
 * RSS/Atom feeds and text sitemaps. Nested sitemaps of an index are returned, not fetched: the crawler fetches them
 * as ordinary work, politely. Parsing is lenient (not strict): URLs outside the sitemap's own directory are kept,
 * because the crawl scope decides what is fetched. DTDs are refused (no XML external entities). At most
 * {@code maxUrls} URLs are returned per sitemap (the protocol allows 50,000). Thread-safe.
 */
public final class SitemapReader {

    /** The protocol's limit for an uncompressed sitemap; larger bodies are refused before parsing. */
    public static final int MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

    private final int maxUrls;

    public SitemapReader(int maxUrls) {
        if (maxUrls < 1) {
            throw new IllegalArgumentException("A sitemap reader must accept at least one URL.");
        }
        this.maxUrls = maxUrls;
    }

    /**
     * @param contentType the Content-Type header, or {@code null} to guess from the URL and the bytes
     */
    public SitemapContents read(byte[] body, String contentType, String sitemapUrl)
            throws UnreadableSitemapException {
        if (body.length > MAX_SITEMAP_BYTES) {
            throw new UnreadableSitemapException("The sitemap is larger than " + MAX_SITEMAP_BYTES + " bytes.", null);
        }
        URL url;
        try {
            url = URI.create(sitemapUrl).toURL();
        } catch (IllegalArgumentException | MalformedURLException e) {
            throw new UnreadableSitemapException("\"" + sitemapUrl + "\" is not a valid sitemap URL.", e);
        }
        AbstractSiteMap sitemap;
        try {
            SiteMapParser parser = new SiteMapParser(false);
            sitemap = contentType == null ? parser.parseSiteMap(body, url)
                    : parser.parseSiteMap(contentType, body, url);
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            throw new UnreadableSitemapException("The sitemap at " + sitemapUrl + " could not be read: "
                    + e.getMessage(), e);
        }
        List<String> pages = new ArrayList<>();
        List<String> sitemaps = new ArrayList<>();
        boolean truncated = false;
        if (sitemap instanceof SiteMapIndex index) {
            for (AbstractSiteMap nested : index.getSitemaps()) {
                truncated |= !addBounded(sitemaps, nested.getUrl().toString());
            }
        } else if (sitemap instanceof SiteMap pageMap) {
            for (SiteMapURL page : pageMap.getSiteMapUrls()) {
                truncated |= !addBounded(pages, page.getUrl().toString()); // valid or not: the crawl scope decides
            }
        }
        return new SitemapContents(pages, sitemaps, truncated);
    }

    private boolean addBounded(List<String> urls, String url) {
        if (urls.size() >= maxUrls) {
            return false;
        }
        urls.add(url);
        return true;
    }
}
