package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.HostStatus;
import io.practicalsystems.crawler.frontier.HostView;

/**
 * One host of a crawl as JSON: counters, errors in a row, when it may be fetched next, which server holds its lease
 * and until when, the delay in force since its last request ({@code delayMs}: politeness, Crawl-delay or backoff;
 * null before the first), and its robots.txt ({@code robots}: rules, allow-all or unavailable, with the Crawl-delay
 * it asks for; null while not fetched or expired).
 */
public record HostJson(String host, long queued, long fetched, long errors, int consecutiveErrors, String nextFetchAt,
                       String leasedBy, String leaseExpiresAt, Long delayMs, String robots, Long crawlDelayMs) {

    static HostJson of(HostStatus status) {
        HostView h = status.host();
        boolean completedOnce = h.nextFetchAtMillis() != 0;
        return new HostJson(h.hostKey(), h.queued(), h.fetched(), h.errors(), h.consecutiveErrors(),
                completedOnce ? CrawlJson.time(h.nextFetchAtMillis()) : null, h.leasedBy(),
                h.leasedBy() == null ? null : CrawlJson.time(h.leaseExpiresAtMillis()),
                completedOnce ? h.delayMs() : null,
                status.details() == null ? null : status.details().robots(),
                status.details() == null ? null : status.details().crawlDelayMs());
    }
}
