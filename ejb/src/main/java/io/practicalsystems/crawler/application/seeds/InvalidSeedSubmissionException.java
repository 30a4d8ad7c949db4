package io.practicalsystems.crawler.application.seeds;

/** A message on {@code crawler.seeds} that can never be taken: logged and dropped, never redelivered. */
public class InvalidSeedSubmissionException extends RuntimeException {

    public InvalidSeedSubmissionException(String message) {
        super(message);
    }
}
