package io.practicalsystems.crawler.batch;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The crawls that have a {@code crawl-run} on this server: at most one run should dispatch a crawl per server.
 * Kept in memory, by this module, on purpose: the job repository may be shared by several servers (MariaDB), whose
 * runs must not stop this one from starting its own; and reading executions through the JobOperator needs the
 * batch role of whoever submitted them, which a caller without that identity (a timer, an MDB) does not have.
 * A run is entered when it is started ({@link CrawlRunStarter}, or its seed step for a job submitted another way)
 * and left when the job ends ({@link CrawlRunEndListener}).
 */
@ApplicationScoped
public class LocalCrawlRuns {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** Enters a run of the crawl; false when the crawl already had one here. */
    public boolean enter(String crawlId) {
        return running.add(crawlId);
    }

    public void leave(String crawlId) {
        running.remove(crawlId);
    }
}
