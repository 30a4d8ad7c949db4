/** The crawl frontier: which URL is fetched next, host politeness, leases and limits (in memory or in Redis). */
package io.practicalsystems.crawler.frontier;
