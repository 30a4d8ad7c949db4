package io.practicalsystems.crawler.application.pipeline;

import io.practicalsystems.crawler.fetch.FailureKind;
import io.practicalsystems.crawler.fetch.FetchResult;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Outcome;
import io.practicalsystems.crawler.frontier.UrlKind;
import io.practicalsystems.crawler.robots.RobotsDecision;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Steps (d)/(e) for a fetch that brought no page. Transient trouble (429, 5xx, connection errors, timeouts, a body
 * too slow to arrive) is retried with the host backed off ({@code HostDelayPolicy}, Retry-After honoured) until the
 * URL's last attempt, then FAILED. Other HTTP errors (404, 410…) and permanent failures (DNS, refused address,
 * invalid URL, TLS) fail at once. A content type the crawl does not read is SKIPPED. Each ends recorded in a page
 * document, and failures are counted by kind. A missing sitemap is only skipped. {@code robots} may be null: the
 * robots.txt fetch failed for good (the host does not resolve, or to a refused address).
 */
final class FailureStep {

    private final PageSink pages;
    private final CrawlTally tally;
    private final int maxAttempts;
    private final LongSupplier clock;

    FailureStep(PageSink pages, CrawlTally tally, int maxAttempts, LongSupplier clock) {
        this.pages = pages;
        this.tally = tally;
        this.maxAttempts = maxAttempts;
        this.clock = clock;
    }

    Done skipped(CrawlContext crawl, Claim claim, FetchResult.Skipped skipped, RobotsDecision robots) {
        pages.save(PageRecords.outcome(crawl.crawlId(), claim, skipped.status(), skipped.contentType(),
                "unsupported-content-type", List.of(), clock.getAsLong()));
        return new Done(Outcome.SKIPPED, crawl.delays().delayAfterSuccess(crawlDelay(robots)),
                "content type " + skipped.contentType() + " is not read");
    }

    Done httpError(CrawlContext crawl, Claim claim, FetchResult.HttpError error, RobotsDecision robots) {
        int status = error.status();
        if (claim.kind() == UrlKind.SITEMAP && status >= 400 && status < 500 && status != 429) {
            return new Done(Outcome.SKIPPED, crawl.delays().delayAfterSuccess(crawlDelay(robots)),
                    "no sitemap (" + status + ")");
        }
        boolean transientError = status == 429 || status >= 500;
        return end(crawl, claim, status, "http-" + status, transientError, error.retryAfter(), robots);
    }

    Done failed(CrawlContext crawl, Claim claim, FetchResult.Failed failed, RobotsDecision robots) {
        boolean transientError = isTransient(failed.kind());
        String kind = failed.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return end(crawl, claim, 0, kind, transientError, Optional.empty(), robots);
    }

    /** Failures worth another try later: the connection, a timeout, a body too slow, a broken exchange. */
    static boolean isTransient(FailureKind kind) {
        return kind == FailureKind.CONNECT || kind == FailureKind.TIMEOUT || kind == FailureKind.TOO_SLOW
                || kind == FailureKind.IO;
    }

    private Done end(CrawlContext crawl, Claim claim, int status, String kind, boolean transientError,
                     Optional<Duration> retryAfter, RobotsDecision robots) {
        long delay = transientError
                ? crawl.delays().delayAfterError(claim.hostConsecutiveErrors() + 1, retryAfter)
                : crawl.delays().delayAfterSuccess(crawlDelay(robots));
        if (transientError && claim.attempt() + 1 < maxAttempts) {
            return new Done(Outcome.RETRY, delay, kind + ", attempt " + (claim.attempt() + 1) + " of " + maxAttempts);
        }
        tally.error(crawl.crawlId(), kind);
        pages.save(PageRecords.outcome(crawl.crawlId(), claim, status, null, kind, List.of(), clock.getAsLong()));
        return new Done(Outcome.FAILED, delay, kind);
    }

    /** robots.txt's Crawl-delay; 0 when there is no decision (the robots.txt fetch itself failed). */
    private static long crawlDelay(RobotsDecision robots) {
        return robots == null ? 0 : robots.crawlDelayMs();
    }
}
