package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.pipeline.StepTimer;
import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.FrontierLimits;
import io.practicalsystems.crawler.frontier.FrontierStats;
import io.practicalsystems.crawler.frontier.FrontierUrl;
import io.practicalsystems.crawler.frontier.HostPage;
import io.practicalsystems.crawler.frontier.OfferResult;
import io.practicalsystems.crawler.frontier.RestoredUrl;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** The frontier as the fetch pipeline sees it: every call's time goes to the FRONTIER step of a {@link StepTimer}. */
final class TimedFrontier implements Frontier {

    private final Frontier frontier;
    private final StepTimer timer;

    TimedFrontier(Frontier frontier, StepTimer timer) {
        this.frontier = frontier;
        this.timer = timer;
    }

    private <T> T timed(Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            timer.since(StepTimer.Step.FRONTIER, started);
        }
    }

    @Override
    public double seenFalsePositiveRate(String crawlId) {
        return timed(() -> frontier.seenFalsePositiveRate(crawlId));
    }

    @Override
    public int restore(String crawlId, Collection<RestoredUrl> urls) {
        return timed(() -> frontier.restore(crawlId, urls));
    }

    @Override
    public OfferResult offer(String crawlId, Collection<FrontierUrl> urls, FrontierLimits limits) {
        return timed(() -> frontier.offer(crawlId, urls, limits));
    }

    @Override
    public List<Claim> claim(String crawlId, String workerId, int maxClaims, long leaseMs, FrontierLimits limits,
                             long aheadMs) {
        return timed(() -> frontier.claim(crawlId, workerId, maxClaims, leaseMs, limits, aheadMs));
    }

    @Override
    public boolean complete(String crawlId, Claim claim, Completion completion) {
        return timed(() -> frontier.complete(crawlId, claim, completion));
    }

    @Override
    public long leaseLeftMillis(String crawlId, Claim claim) {
        return timed(() -> frontier.leaseLeftMillis(crawlId, claim));
    }

    @Override
    public long millisUntilDue(String crawlId) {
        return timed(() -> frontier.millisUntilDue(crawlId));
    }

    @Override
    public FrontierStats stats(String crawlId) {
        return timed(() -> frontier.stats(crawlId));
    }

    @Override
    public HostPage hosts(String crawlId, String cursor, int limit) {
        return timed(() -> frontier.hosts(crawlId, cursor, limit));
    }

    @Override
    public boolean exhausted(String crawlId) {
        return timed(() -> frontier.exhausted(crawlId));
    }

    @Override
    public void delete(String crawlId) {
        timed(() -> {
            frontier.delete(crawlId);
            return null;
        });
    }

    @Override
    public long nowMillis() {
        return timed(frontier::nowMillis);
    }
}
