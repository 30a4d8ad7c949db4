/** How long the crawler waits before the next fetch from a host: minimum delay, Crawl-delay, backoff, Retry-After. */
package io.practicalsystems.crawler.politeness;
