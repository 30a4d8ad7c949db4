/**
 * Clicks from redirect to storage, each counted exactly once. Glossary: the redirect counts a click in a
 * {@code ClickAggregator} (core: in-memory counters per code, UTC day, referrer host and agent family); each flush
 * window they leave as one {@code ClickAggregate} (core: one JMS message, ID unique per flush); a {@code ClickBatch}
 * (core) is an aggregate's counts of one UTC day, keyed by aggregate ID and day; a
 * {@link io.practicalsystems.shortener.application.clicks.StoredClickBatch} is a ClickBatch as one SQL row
 * ({@code SHORTENER_CLICK_BATCH}), what the rollup reads.
 */
package io.practicalsystems.shortener.application.clicks;
