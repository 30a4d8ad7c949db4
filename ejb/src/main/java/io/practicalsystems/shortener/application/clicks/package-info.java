/**
 * Click events from redirect to storage, each stored and counted exactly once. Glossary: a {@code ClickEvent} (core)
 * is one click; a {@code ClickBatch} (core) is the events of one JMS message on one UTC day, keyed by its first
 * event's ID; a {@link io.practicalsystems.shortener.application.clicks.StoredClickBatch} is a ClickBatch as one
 * SQL row ({@code SHORTENER_CLICK_BATCH}), the raw clicks the rollup reads.
 */
package io.practicalsystems.shortener.application.clicks;
