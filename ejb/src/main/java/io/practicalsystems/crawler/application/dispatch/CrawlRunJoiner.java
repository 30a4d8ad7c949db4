package io.practicalsystems.crawler.application.dispatch;

import io.practicalsystems.crawler.application.CrawlRuns;
import io.practicalsystems.crawler.application.CrawlService;
import io.practicalsystems.crawler.application.CrawlState;
import io.practicalsystems.crawler.application.Listing;
import io.practicalsystems.crawler.application.store.CrawlDocument;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Makes every server work every RUNNING crawl: every {@code ps.crawler.join-interval.ms} it starts a
 * {@code crawl-run} job here for each RUNNING crawl that has no live run on this server. So a second server joins a
 * crawl started elsewhere, and a restarted server resumes its crawls (their state is in Redis and the document
 * store; a new job instance picks it up). Pause and stop end the runs by themselves: a run's reader ends when the
 * crawl is no longer RUNNING, and this joiner starts none for it.
 *
 * <p>Starting and reading batch jobs needs a user in a batch role: the joiner runs as the application's
 * {@code admin} role (the run-as user is bound in server.xml), and each tick goes through the bean's container
 * ({@link SessionContext#getBusinessObject}) so that the run-as identity applies.
 */
@Singleton
@Startup
@RunAs("admin")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CrawlRunJoiner {

    private static final Logger LOG = Logger.getLogger(CrawlRunJoiner.class.getName());
    private static final int PAGE = 100;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Resource
    SessionContext context;

    @Inject
    CrawlService crawls;

    @Inject
    CrawlRuns runs;

    @Inject
    PipelineSettings settings;

    private ScheduledFuture<?> task;
    private String lastProblem;

    @PostConstruct
    void schedule() {
        long interval = settings.joinIntervalMillis();
        CrawlRunJoiner self = context.getBusinessObject(CrawlRunJoiner.class);
        task = scheduler.scheduleWithFixedDelay(self::joinRunningCrawls, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void cancel() {
        if (task != null) {
            task.cancel(false);
        }
    }

    public void joinRunningCrawls() {
        try {
            String cursor = null;
            do {
                Listing<CrawlDocument> page = crawls.list(cursor, PAGE);
                for (CrawlDocument crawl : page.items()) {
                    if (crawl.crawlState() == CrawlState.RUNNING && runs.launch(crawl.id()) >= 0) {
                        LOG.info("joined running crawl " + crawl.id() + " on this server");
                    }
                }
                cursor = page.next();
            } while (cursor != null);
            lastProblem = null;
        } catch (RuntimeException e) {
            String problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!problem.equals(lastProblem)) { // said once per kind of trouble, not every few seconds
                LOG.warning("cannot look for running crawls to join now: " + problem);
                lastProblem = problem;
            }
        }
    }
}
