/**
 * The crawler's application layer: settings, crawl definitions and states, the crawl service behind the REST API,
 * counters, and the extension points of the fetch pipeline ({@link io.practicalsystems.crawler.application.FetchDispatcher},
 * {@link io.practicalsystems.crawler.application.HostDetails}).
 */
package io.practicalsystems.crawler.application;
