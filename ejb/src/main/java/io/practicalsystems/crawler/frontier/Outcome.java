package io.practicalsystems.crawler.frontier;

/** How a claimed URL ended; see {@link Completion}. */
public enum Outcome {
    FETCHED, FAILED, SKIPPED, RETRY, REQUEUE
}
