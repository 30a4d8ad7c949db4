package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.HostView;

/** One host of a crawl: the frontier's view plus its robots.txt state, null while none is known. */
public record HostStatus(HostView host, HostDetails.Details details) {
}
