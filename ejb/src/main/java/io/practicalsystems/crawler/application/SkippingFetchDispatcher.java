package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Claim;
import io.practicalsystems.crawler.frontier.Completion;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * PLACEHOLDER until the fetch pipeline exists (issue 15, H-pipe deletes this class and adds the JMS dispatcher):
 * fetches nothing, completes every claim as SKIPPED so a crawl runs through its seeds and finishes, and says so in
 * the log.
 */
@ApplicationScoped
public class SkippingFetchDispatcher implements FetchDispatcher {

    private static final Logger LOG = Logger.getLogger(SkippingFetchDispatcher.class.getName());

    @Inject
    Frontier frontier;

    @Inject
    CrawlSettings settings;

    @Override
    public int capacity(String crawlId) {
        return settings.fetchConcurrency();
    }

    @Override
    public void dispatch(String crawlId, List<Claim> claims) {
        for (Claim claim : claims) {
            frontier.complete(crawlId, claim, new Completion(Outcome.SKIPPED, 0));
        }
        LOG.info("crawl " + crawlId + ": no fetch pipeline installed, " + claims.size() + " URL(s) skipped");
    }
}
