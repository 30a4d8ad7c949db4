package io.practicalsystems.crawler.batch;

import io.practicalsystems.crawler.application.CrawlRunLauncher;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts {@code crawl-run} from this module, where the job XML and its artifacts are: the crawl service (ejb module)
 * reaches it as {@code java:app/practical-systems-batch/CrawlRunStarter}. A crawl that already has a run on this
 * server gets no second one ({@link LocalCrawlRuns}).
 */
@Stateless
@Local(CrawlRunLauncher.class)
public class CrawlRunStarter implements CrawlRunLauncher {

    private static final Logger LOG = Logger.getLogger(CrawlRunStarter.class.getName());

    @Inject
    LocalCrawlRuns runs;

    // The job must not join the caller's transaction: it starts on its own threads when the call returns.
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long launch(String crawlId) {
        if (!runs.enter(crawlId)) {
            return -1;
        }
        Properties parameters = new Properties();
        parameters.setProperty(CRAWL_ID, crawlId);
        long execution;
        try {
            execution = BatchRuntime.getJobOperator().start(JOB_NAME, parameters);
        } catch (RuntimeException e) {
            runs.leave(crawlId);
            throw e;
        }
        LOG.info("crawl-run started for crawl " + crawlId + " (execution " + execution + ")");
        return execution;
    }
}
