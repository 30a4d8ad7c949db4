package io.practicalsystems.crawler.rest;

import io.practicalsystems.crawler.application.HostStatus;
import io.practicalsystems.crawler.frontier.HostView;

/**
 * One host of a crawl as JSON: counters, errors in a row, when it may be fetched next, which server holds its lease
 * and until when; {@code robots} and {@code delayMs} are null until the fetch pipeline provides them.
 */
public record HostJson(String host, long queued, long fetched, long errors, int consecutiveErrors, String nextFetchAt,
                       String leasedBy, String leaseExpiresAt, String robots, Long delayMs) {

    static HostJson of(HostStatus status) {
        HostView h = status.host();
        return new HostJson(h.hostKey(), h.queued(), h.fetched(), h.errors(), h.consecutiveErrors(),
                h.nextFetchAtMillis() == 0 ? null : CrawlJson.time(h.nextFetchAtMillis()), h.leasedBy(),
                h.leasedBy() == null ? null : CrawlJson.time(h.leaseExpiresAtMillis()),
                status.details() == null ? null : status.details().robots(),
                status.details() == null ? null : status.details().delayMs());
    }
}
