package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.Outcome;

/**
 * How a step ended a task: the completion the frontier gets, and a short note on why (for logs and tests).
 *
 * @param hostDelayMs the host's next fetch is not before completion time plus this
 */
public record Done(Outcome outcome, long hostDelayMs, String note) {

    public Completion completion() {
        return new Completion(outcome, hostDelayMs);
    }
}
