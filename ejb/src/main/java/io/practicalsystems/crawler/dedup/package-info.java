/** Duplicate detection for crawled pages: exact content hashes and 64-bit SimHash near-duplicates with LSH bands. */
package io.practicalsystems.crawler.dedup;
