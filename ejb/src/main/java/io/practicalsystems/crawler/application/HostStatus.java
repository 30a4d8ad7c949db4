package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.HostView;

/** One host of a crawl: the frontier's view plus robots state and delay when the pipeline provides them. */
public record HostStatus(HostView host, HostDetails.Details details) {
}
