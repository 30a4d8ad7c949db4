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
 * reaches it as {@code java:app/practical-systems-batch/CrawlRunStarter}. Synchronized per server so two requests
 * cannot both see "no run" and start two.
 */
@Stateless
@Local(CrawlRunLauncher.class)
public class CrawlRunStarter implements CrawlRunLauncher {

    private static final Logger LOG = Logger.getLogger(CrawlRunStarter.class.getName());
    private static final Object LOCK = new Object();

    @Inject
    LocalCrawlRuns runs;

    // The job must not join the caller's transaction: it starts on its own threads when the call returns.
    @Override
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long launch(String crawlId) {
        synchronized (LOCK) {
            if (runs.isRunning(crawlId)) {
                return -1;
            }
            Properties parameters = new Properties();
            parameters.setProperty(CRAWL_ID, crawlId);
            long execution = BatchRuntime.getJobOperator().start(JOB_NAME, parameters);
            runs.register(crawlId, execution);
            LOG.info("crawl-run started for crawl " + crawlId + " (execution " + execution + ")");
            return execution;
        }
    }
}
