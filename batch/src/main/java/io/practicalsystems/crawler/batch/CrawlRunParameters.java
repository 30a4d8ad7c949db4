package io.practicalsystems.crawler.batch;

import io.practicalsystems.crawler.application.CrawlRunLauncher;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.context.JobContext;

/** Reads the {@code crawlId} job parameter of the running job; a job without one fails at its first step. */
final class CrawlRunParameters {

    private CrawlRunParameters() {
    }

    static String crawlId(JobContext job) {
        String crawlId = BatchRuntime.getJobOperator().getParameters(job.getExecutionId())
                .getProperty(CrawlRunLauncher.CRAWL_ID);
        if (crawlId == null || crawlId.isBlank()) {
            throw new IllegalArgumentException("crawl-run needs the job parameter " + CrawlRunLauncher.CRAWL_ID);
        }
        return crawlId.strip();
    }
}
