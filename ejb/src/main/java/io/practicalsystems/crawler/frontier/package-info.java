/** The crawl frontier: which URL is fetched next, per-host politeness, leases and limits (in memory or shared in Redis). */
package io.practicalsystems.crawler.frontier;
