/**
 * The seed producer: a Liberty application client ({@code bin/crawl-seed.sh}) that sends URLs for a crawl to queue
 * {@code crawler.seeds} of a running server, over the messaging engine's TLS endpoint, signed in as the seed
 * producer user. {@link SeedMessages} reads the input and cuts it into messages; {@link CrawlSeedProducer} sends them.
 */
package io.practicalsystems.crawler.seedproducer;
