package io.practicalsystems.crawler.application;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The moves between {@link CrawlState}s, as a pure state machine: each action names the states it may start from
 * and the one it leads to. Everything else is refused with {@link IllegalCrawlTransitionException} (409), repeats
 * included (starting a RUNNING crawl is refused, not ignored: the caller learns the crawl was already running).
 */
public enum CrawlAction {
    START(CrawlState.RUNNING, EnumSet.of(CrawlState.CREATED)),
    PAUSE(CrawlState.PAUSED, EnumSet.of(CrawlState.RUNNING)),
    RESUME(CrawlState.RUNNING, EnumSet.of(CrawlState.PAUSED)),
    STOP(CrawlState.STOPPED, EnumSet.of(CrawlState.CREATED, CrawlState.RUNNING, CrawlState.PAUSED)),
    /** Taken by the crawl run itself when nothing is left to fetch; not offered over REST. */
    FINISH(CrawlState.FINISHED, EnumSet.of(CrawlState.RUNNING));

    private final CrawlState target;
    private final Set<CrawlState> from;

    CrawlAction(CrawlState target, Set<CrawlState> from) {
        this.target = target;
        this.from = from;
    }

    public CrawlState target() {
        return target;
    }

    public boolean allowedFrom(CrawlState state) {
        return from.contains(state);
    }

    /** The state after this action, or the refusal naming the crawl, its state and the action. */
    public CrawlState apply(String crawlId, CrawlState current) {
        if (!allowedFrom(current)) {
            throw new IllegalCrawlTransitionException(crawlId, current, this);
        }
        return target;
    }

    /** Lower-case verb as in the REST path ({@code start}, {@code pause}…). */
    public String verb() {
        return name().toLowerCase(Locale.ROOT);
    }
}
