package io.practicalsystems.crawler.parse;

/**
 * A link found on a page.
 *
 * @param url        absolute and normalised (http or https only)
 * @param nofollow   the crawler must not follow it: the link has {@code rel="nofollow"} or the page's meta robots says
 *                   nofollow
 * @param anchorText the link's text (an area's alt text), whitespace collapsed, bounded
 */
public record Outlink(String url, boolean nofollow, String anchorText) {
}
