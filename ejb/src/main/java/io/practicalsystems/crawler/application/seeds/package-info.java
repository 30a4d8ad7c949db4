/**
 * Seeds from outside: other processes send URLs for a crawl to queue {@code crawler.seeds} (remotely, through the
 * messaging engine's TLS endpoint, as a user allowed to send only there); each message is checked against the
 * crawl's definition and its URLs offered to the shared frontier. {@link SeedSubmission} is the message,
 * {@link SeedIntake} the rules (plain Java), {@link SeedSubmissionService} and {@link SeedSubmissionListener} the
 * wiring.
 */
package io.practicalsystems.crawler.application.seeds;
