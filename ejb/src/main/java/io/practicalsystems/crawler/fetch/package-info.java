/** Crawler fetching: one bounded HTTP GET per call (timeouts, deadline, size and type limits, no redirects followed), connecting only to addresses the crawl's policy permits. */
package io.practicalsystems.crawler.fetch;
