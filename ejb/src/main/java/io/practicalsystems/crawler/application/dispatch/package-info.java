/** How claimed URLs reach this server's fetchers: the JMS dispatcher with backpressure, the fetch MDB, the pipeline's wiring, and the joiner that runs every RUNNING crawl here. */
package io.practicalsystems.crawler.application.dispatch;
