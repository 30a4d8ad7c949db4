package io.practicalsystems.crawler.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** When a {@code crawl-run} ends (completed, failed or stopped), the crawl has no run on this server any more. */
@Named("crawlRunEndListener")
@Dependent
public class CrawlRunEndListener extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    LocalCrawlRuns runs;

    @Override
    public void afterJob() {
        runs.leave(CrawlRunParameters.crawlId(job));
    }
}
