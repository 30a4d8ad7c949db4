package io.practicalsystems.crawler.frontier;

/**
 * Limits the frontier applies atomically (Integer/Long.MAX_VALUE = unlimited). Every URL kind counts towards them
 * (a sitemap fetched is a page fetched).
 *
 * @param maxPages                URLs completed as FETCHED plus those in flight never exceed this (checked at claim)
 * @param maxDepth                URLs deeper than this are not admitted (checked at offer)
 * @param maxPagesPerHost         URLs admitted per host (offer), and fetched plus in flight per host (claim)
 * @param maxQueryVariantsPerPath URLs admitted per {@link FrontierUrl#pathKey()} (offer)
 */
public record FrontierLimits(long maxPages, int maxDepth, long maxPagesPerHost, int maxQueryVariantsPerPath) {

    public FrontierLimits {
        if (maxPages < 0 || maxDepth < 0 || maxPagesPerHost < 0 || maxQueryVariantsPerPath < 0) {
            throw new IllegalArgumentException("frontier limits must not be negative");
        }
    }

    public static FrontierLimits unlimited() {
        return new FrontierLimits(Long.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE);
    }
}
