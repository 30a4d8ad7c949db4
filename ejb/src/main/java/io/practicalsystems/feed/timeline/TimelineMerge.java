package io.practicalsystems.feed.timeline;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.LongPredicate;

/**
 * The read-time k-way merge: a reader's pushed home feed and the recent {@code PULL} posts of each celebrity the
 * reader follows, each already newest first, merged into one page by ID descending. A heap of the sources' heads
 * gives each item in O(log k) for k sources, and the merge reads no further into any source than the page needs.
 * Repeats (the same ID in two sources, e.g. after a feed rebuild) are served once. Items the {@code visible}
 * predicate rejects — posts deleted since, authors the reader blocked — are skipped without using up the limit.
 */
public final class TimelineMerge {

    private TimelineMerge() {
    }

    /**
     * The page after {@code after} ({@code null}: the newest page) of at most {@code limit} visible IDs.
     *
     * @param sources each strictly descending (newest first); the lists must allow fast random access
     * @throws IllegalArgumentException if limit is below 1, or a source is found not strictly descending (checked
     *                                  only as far as the merge reads)
     */
    public static TimelinePage page(List<? extends List<Long>> sources, LongPredicate visible, FeedCursor after,
                                    int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Math.max(1, sources.size()));
        for (List<Long> source : sources) {
            int start = after == null ? 0 : firstBelow(source, after.lastServedId());
            if (start < source.size()) {
                heads.add(new Head(source, start));
            }
        }
        List<Long> ids = new ArrayList<>(); // not sized by limit: a caller's limit must not size memory
        boolean more = false;
        long previous = 0;
        boolean any = false;
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            long id = head.id();
            if (head.advance()) {
                heads.add(head);
            }
            if (any && id == previous) {
                continue; // the same post from a second source: the sources are descending, so repeats are adjacent
            }
            any = true;
            previous = id;
            if (!visible.test(id)) {
                continue;
            }
            if (ids.size() == limit) {
                more = true; // one more visible item exists: hand out a cursor
                break;
            }
            ids.add(id);
        }
        return new TimelinePage(ids, more ? new FeedCursor(ids.get(ids.size() - 1)) : null);
    }

    /** Index of the first ID strictly below {@code bound} in a descending list (binary search). */
    private static int firstBelow(List<Long> newestFirst, long bound) {
        int low = 0;
        int high = newestFirst.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (newestFirst.get(mid) >= bound) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** A source and the position of its next unserved ID; the heap's head is the largest ID. */
    private static final class Head implements Comparable<Head> {
        private final List<Long> source;
        private int index;

        Head(List<Long> source, int index) {
            this.source = source;
            this.index = index;
        }

        long id() {
            return source.get(index);
        }

        /** Moves to the next ID; false at the end. Checks the order as it goes, so only what is read is checked. */
        boolean advance() {
            long current = source.get(index);
            if (++index == source.size()) {
                return false;
            }
            if (source.get(index) >= current) {
                throw new IllegalArgumentException("a timeline source must be newest first without repeats, but "
                        + current + " is followed by " + source.get(index));
            }
            return true;
        }

        @Override
        public int compareTo(Head other) {
            return Long.compare(other.id(), id());
        }
    }
}
