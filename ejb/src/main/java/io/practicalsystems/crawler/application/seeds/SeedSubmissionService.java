package io.practicalsystems.crawler.application.seeds;

import io.practicalsystems.crawler.application.CrawlDefinition;
import io.practicalsystems.crawler.application.CrawlNotFoundException;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import io.practicalsystems.crawler.frontier.Frontier;
import io.practicalsystems.crawler.frontier.OfferResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Takes one {@link SeedSubmission}: the crawl must exist and not be over (CREATED, RUNNING or PAUSED); the URLs its
 * definition accepts ({@link SeedIntake}) are offered to the shared frontier at depth 0, where the seen set makes a
 * repeated message harmless. A crawl that is STOPPED or FINISHED takes nothing.
 */
@ApplicationScoped
public class SeedSubmissionService {

    @Inject
    CrawlService crawls;

    @Inject
    Frontier frontier;

    /**
     * @param state   the crawl's state when the message was read
     * @param intake  what its definition accepted and refused; null when the crawl is over
     * @param offered what the frontier did with the accepted URLs; null when nothing was offered
     */
    public record Outcome(String crawlId, CrawlState state, SeedIntake.Intake intake, OfferResult offered) {

        public boolean taken() {
            return offered != null;
        }
    }

    /** @throws CrawlNotFoundException when no crawl has the submission's id */
    public Outcome submit(SeedSubmission submission) {
        CrawlDocument crawl = crawls.get(submission.crawlId());
        CrawlState state = crawl.crawlState();
        if (state.isFinal()) {
            return new Outcome(crawl.id(), state, null, null);
        }
        CrawlDefinition definition = crawl.definition();
        SeedIntake.Intake intake = SeedIntake.judge(definition, submission.seeds());
        OfferResult offered = intake.urls().isEmpty() ? null
                : frontier.offer(crawl.id(), intake.urls(), definition.frontierLimits());
        return new Outcome(crawl.id(), state, intake, offered);
    }
}
