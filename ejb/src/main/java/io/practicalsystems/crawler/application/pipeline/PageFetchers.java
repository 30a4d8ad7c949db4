package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.dns.CachingResolver;
import io.practicalsystems.crawler.fetch.FetchOptions;
import io.practicalsystems.crawler.fetch.PageFetcher;

/**
 * The server's two {@link PageFetcher}s, sharing one DNS cache: one that connects only to public addresses and one
 * that may connect to private ones, for crawls that allow it (a connection pool must not serve both kinds, since
 * the address policy is checked when a connection opens). Each is made on first use. Thread-safe.
 */
public final class PageFetchers implements AutoCloseable {

    private final FetchOptions options;
    private final CachingResolver resolver;
    private PageFetcher publicOnly;
    private PageFetcher privateAllowed;

    public PageFetchers(FetchOptions options, CachingResolver resolver) {
        this.options = options;
        this.resolver = resolver;
    }

    public synchronized PageFetcher forCrawl(CrawlContext crawl) {
        if (crawl.definition().allowPrivateAddresses()) {
            if (privateAllowed == null) {
                privateAllowed = new PageFetcher(options.withAllowPrivateAddresses(true), resolver);
            }
            return privateAllowed;
        }
        if (publicOnly == null) {
            publicOnly = new PageFetcher(options.withAllowPrivateAddresses(false), resolver);
        }
        return publicOnly;
    }

    @Override
    public synchronized void close() {
        if (publicOnly != null) {
            publicOnly.close();
        }
        if (privateAllowed != null) {
            privateAllowed.close();
        }
    }
}
