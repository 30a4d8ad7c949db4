package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FetchResult;
import java.util.function.Supplier;

/**
 * One task's robots.txt request, made at most once however often the robots step is repeated while Redis is away:
 * a second request would be a second request to the host within one politeness turn.
 */
final class RobotsTxtOnce {

    private final Supplier<FetchResult> request;
    private FetchResult answer;

    RobotsTxtOnce(Supplier<FetchResult> request) {
        this.request = request;
    }

    boolean requested() {
        return answer != null;
    }

    FetchResult get() {
        if (answer == null) {
            answer = request.get();
        }
        return answer;
    }
}
