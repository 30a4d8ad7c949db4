package io.practicalsystems.crawler.frontier;

import java.util.Objects;

/**
 * FETCHED/FAILED/SKIPPED: done for good (counted). RETRY: back to its host queue with attempt+1.
 * REQUEUE: back with the same attempt (e.g. robots.txt had to be fetched first). RETRY and FAILED count a host
 * error; FETCHED resets consecutive errors.
 *
 * <p>The host's next fetch is not before {@code now + hostDelayMs - sinceRequestMs}: the delay runs from the moment
 * the task's request to the host was answered, not from the end of the task (its parsing, storing and offering would
 * otherwise lengthen every turn of the host). A request reaches the host before its answer comes back, so two requests
 * to one host still start at least hostDelayMs apart. An interval rather than a time: the caller measures it on its
 * own monotonic clock and the frontier subtracts it from its own clock (Redis TIME), so clocks that disagree do not
 * matter. The host keeps hostDelayMs as its delay (the one a reclaimed lease waits).
 *
 * @param hostDelayMs    politeness delay or backoff, 0 to {@value #MAX_HOST_DELAY_MS}
 * @param sinceRequestMs how long before this completion the host's request was answered, rounded down; 0 when
 *                       nothing was requested or to count the delay from now
 */
public record Completion(Outcome outcome, long hostDelayMs, long sinceRequestMs) {

    /** Longest host delay (a week): any real delay is capped far below, and now + delay never overflows. */
    public static final long MAX_HOST_DELAY_MS = 7 * 86_400_000L;

    public Completion {
        Objects.requireNonNull(outcome, "outcome");
        if (hostDelayMs < 0 || hostDelayMs > MAX_HOST_DELAY_MS) {
            throw new IllegalArgumentException(
                    "hostDelayMs must be 0 to " + MAX_HOST_DELAY_MS + ", got " + hostDelayMs);
        }
        if (sinceRequestMs < 0) {
            throw new IllegalArgumentException("sinceRequestMs must not be negative, got " + sinceRequestMs);
        }
    }

    /** The delay counted from now. */
    public Completion(Outcome outcome, long hostDelayMs) {
        this(outcome, hostDelayMs, 0);
    }

    /** How long from now the host must wait: what is left of its delay. */
    public long remainingDelayMs() {
        return Math.max(0, hostDelayMs - sinceRequestMs);
    }
}
