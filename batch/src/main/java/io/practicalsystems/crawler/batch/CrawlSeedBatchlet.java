package io.practicalsystems.crawler.batch;

import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.frontier.OfferResult;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Step {@code seed}: enters this run as the crawl's run on this server, moves a CREATED crawl to RUNNING (a job
 * started from the Admin Center or the batch REST API starts the crawl) and offers the seeds to the frontier once
 * ({@link CrawlService#seed}). Exit status: {@code SEEDED=<admitted>}, {@code ALREADY_SEEDED}, or
 * {@code NOT_RUNNING=<state>} when the crawl is paused or over (the dispatch step then ends at once).
 */
@Named("crawlSeedBatchlet")
@Dependent
public class CrawlSeedBatchlet extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    CrawlService crawls;

    @Inject
    LocalCrawlRuns runs;

    @Override
    public String process() {
        String crawlId = CrawlRunParameters.crawlId(job);
        runs.enter(crawlId); // already entered when started through CrawlRunStarter
        crawls.startedByRun(crawlId);
        CrawlState state = crawls.get(crawlId).crawlState();
        String status;
        if (state != CrawlState.RUNNING) {
            status = "NOT_RUNNING=" + state;
        } else {
            OfferResult offered = crawls.seed(crawlId);
            status = offered == null ? "ALREADY_SEEDED" : "SEEDED=" + offered.admitted();
        }
        job.setExitStatus(status);
        return status;
    }
}
