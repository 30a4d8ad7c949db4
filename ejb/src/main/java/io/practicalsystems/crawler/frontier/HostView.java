package io.practicalsystems.crawler.frontier;

/**
 * One host of a crawl as the frontier sees it.
 *
 * @param nextFetchAtMillis 0 when never fetched
 * @param leasedBy          the worker holding the host's lease, or {@code null}
 * @param delayMs           the delay in force since the host's last completion (politeness, Crawl-delay or backoff);
 *                          0 before its first
 */
public record HostView(String hostKey, long queued, long fetched, long errors, int consecutiveErrors,
                       long nextFetchAtMillis, String leasedBy, long leaseExpiresAtMillis, long delayMs) {
}
