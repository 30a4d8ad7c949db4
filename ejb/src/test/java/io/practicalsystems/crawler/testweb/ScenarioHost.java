package io.practicalsystems.crawler.testweb;

/**
 * The special hosts of the scenario web, by index ({@code h00.crawl.test} is {@link #HUB}). Hosts from
 * {@link #FIRST_PLAIN} on are plain sites: a home page, numbered pages, links to other hosts, a nofollow link.
 */
public enum ScenarioHost {
    /** The seed: links to every host's home page and to a host that does not exist; robots.txt names a sitemap index. */
    HUB,
    /** robots.txt: {@code Disallow: /private/}; the home page links into /private/. */
    DISALLOW_PATHS,
    /** robots.txt: {@code Crawl-delay} (the configured seconds). */
    CRAWL_DELAY,
    /** robots.txt answers 500: the host must not be crawled (until robots.txt can be read). */
    ROBOTS_500,
    /** robots.txt answers 404: everything allowed; /sitemap.xml lists a page linked from nowhere. */
    ROBOTS_404,
    /** robots.txt answers only after the slow delay: a fetcher times out, so the host is treated as disallowed. */
    ROBOTS_SLOW,
    /** robots.txt: {@code Disallow: /}. */
    DISALLOW_ALL,
    /** 301/302/307 chains, a relative Location, a redirect to another host, and a redirect loop. */
    REDIRECTS,
    /** A page beyond any sane body limit, a page that drips for the slow delay, and a gzip bomb. */
    HUGE_AND_SLOW,
    /** image/png, application/pdf, and malformed HTML whose link still works. */
    NON_HTML,
    /** ISO-8859-1 and windows-1252 pages (declared in Content-Type) and one declared only in a meta tag. */
    CHARSETS,
    /** Two identical pages on different URLs, and two pages that differ in one word. */
    DUPLICATES,
    /** A page identical to one on {@link #DUPLICATES}. */
    DUPLICATE_ELSEWHERE,
    /** An infinite calendar (/calendar?month=N links to N+1) and a path that repeats a segment forever. */
    TRAPS,
    /** Every page gzip-encoded. */
    GZIP,
    /** /busy answers 429 with Retry-After the first time, then 200; /down always 503 with Retry-After. */
    THROTTLED,
    /** robots.txt 404 and every page 503 with Retry-After: a host that is down. */
    DOWN;

    /** The index of the first plain host. */
    public static final int FIRST_PLAIN = values().length;

    public int index() {
        return ordinal();
    }
}
