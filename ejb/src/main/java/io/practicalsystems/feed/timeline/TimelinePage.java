package io.practicalsystems.feed.timeline;

import java.util.List;

/**
 * One page of a timeline.
 *
 * @param postIds newest first, no repeats
 * @param next    the cursor for the next page; {@code null} when nothing visible is left
 */
public record TimelinePage(List<Long> postIds, FeedCursor next) {

    public TimelinePage {
        postIds = List.copyOf(postIds);
    }
}
