package io.practicalsystems.feed.timeline;

/**
 * Where a timeline page stopped: the last post ID served. The next page starts strictly below it, so a page stays
 * right however many posts arrived at the top meanwhile (an offset would shift and repeat or skip items), and it
 * costs the same however deep the reader has scrolled. Clients see it only encoded as an opaque string (the REST
 * layer's job), never as a number they could do arithmetic on.
 */
public record FeedCursor(long lastServedId) {
}
