package io.practicalsystems.crawler.application;

import java.util.Optional;

/**
 * What the hosts view shows beyond the frontier's counters: robots.txt state and the delay in force. The fetch
 * pipeline keeps robots state per crawl and host and provides the one bean of this type; until it does, the view
 * shows these fields as null.
 */
public interface HostDetails {

    /**
     * @param robots  e.g. {@code allowed}, {@code rules}, {@code unreachable} (null when not fetched yet)
     * @param delayMs the delay between two fetches from the host now in force (min delay, Crawl-delay, backoff)
     */
    record Details(String robots, Long delayMs) {
    }

    Optional<Details> of(String crawlId, String hostKey);
}
