/** The fetch pipeline in plain Java: one claimed URL through claim check, robots, fetch, parse, dedup, store, offer, complete. */
package io.practicalsystems.crawler.application.pipeline;
