/** The {@code crawl-run} Jakarta Batch job: seeding the frontier and dispatching claimed URLs to the fetch pipeline. */
package io.practicalsystems.crawler.batch;
