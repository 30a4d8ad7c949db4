package io.practicalsystems.crawler.frontier;

/** What a frontier URL is fetched as. */
public enum UrlKind {
    PAGE, SITEMAP, ROBOTS
}
