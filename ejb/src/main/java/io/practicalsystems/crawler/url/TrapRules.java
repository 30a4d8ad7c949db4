package io.practicalsystems.crawler.url;

import java.util.HashMap;
import java.util.Map;

/** Measures behind the crawler-trap defences (calendars, session loops, ever-deeper relative links). */
public final class TrapRules {

    private TrapRules() {
    }

    /**
     * The URL without its query ({@code scheme://hostKey/path}): the frontier counts the query variants it admits per
     * path key and stops at the crawl's limit, which bounds traps like {@code /calendar?day=…}.
     */
    public static String pathKey(NormalizedUrl url) {
        return url.origin() + url.path();
    }

    /**
     * How often the most frequent non-empty path segment occurs: {@code /a/b/a/b/a} gives 3. Relative links that
     * keep adding the same segments ({@code /x/y/x/y/…}) show up as a high count.
     */
    public static int maxSegmentRepetitions(NormalizedUrl url) {
        Map<String, Integer> counts = new HashMap<>();
        int max = 0;
        for (String segment : url.path().split("/")) {
            if (!segment.isEmpty()) {
                max = Math.max(max, counts.merge(segment, 1, Integer::sum));
            }
        }
        return max;
    }
}
