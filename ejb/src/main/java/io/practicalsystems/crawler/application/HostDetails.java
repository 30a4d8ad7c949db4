package io.practicalsystems.crawler.application;

import java.util.Optional;

/**
 * What the hosts view shows beyond the frontier's counters: the host's robots.txt as the fetch pipeline decided it.
 * The pipeline provides the one bean of this type.
 */
public interface HostDetails {

    /**
     * @param robots       {@code rules} (robots.txt read, its rules apply), {@code allow-all} (none, or unreadable by
     *                     anyone: 4xx) or {@code unavailable} (429, 5xx, timeout: nothing is fetched until a retry
     *                     reads it)
     * @param crawlDelayMs the Crawl-delay it asks for, 0 if none
     */
    record Details(String robots, long crawlDelayMs) {
    }

    /** The details of a host (a frontier host key), or empty while its robots.txt is not fetched or has expired. */
    Optional<Details> of(String crawlId, String hostKey);
}
