package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.Outcome;

/**
 * How a step ended a task: the completion the frontier gets, and a short note on why (for logs and tests).
 *
 * @param hostDelayMs the host's next fetch is not before this after the task's request was answered (after the
 *                    completion when nothing was requested)
 */
public record Done(Outcome outcome, long hostDelayMs, String note) {

    public Completion completion() {
        return new Completion(outcome, hostDelayMs);
    }

    /** The completion when the task's last request to the host was answered {@code sinceRequestMs} ago. */
    public Completion completion(long sinceRequestMs) {
        return new Completion(outcome, hostDelayMs, sinceRequestMs);
    }
}
