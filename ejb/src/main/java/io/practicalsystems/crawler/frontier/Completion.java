package io.practicalsystems.crawler.frontier;

import java.util.Objects;

/**
 * FETCHED/FAILED/SKIPPED: done for good (counted). RETRY: back to its host queue with attempt+1.
 * REQUEUE: back with the same attempt (e.g. robots.txt had to be fetched first). hostDelayMs: the host's next
 * fetch is not before now + hostDelayMs. RETRY and FAILED count a host error; FETCHED resets consecutive errors.
 */
public record Completion(Outcome outcome, long hostDelayMs) {

    /** Longest host delay (a week): any real delay is capped far below, and now + delay never overflows. */
    public static final long MAX_HOST_DELAY_MS = 7 * 86_400_000L;

    public Completion {
        Objects.requireNonNull(outcome, "outcome");
        if (hostDelayMs < 0 || hostDelayMs > MAX_HOST_DELAY_MS) {
            throw new IllegalArgumentException(
                    "hostDelayMs must be 0 to " + MAX_HOST_DELAY_MS + ", got " + hostDelayMs);
        }
    }
}
