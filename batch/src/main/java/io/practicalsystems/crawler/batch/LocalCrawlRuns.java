package io.practicalsystems.crawler.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code crawl-run} executions of this server, by crawl: at most one should dispatch a crawl per server. Kept
 * in memory on purpose: the job repository may be shared by several servers (MariaDB), and its running executions
 * of other servers must not stop this one from starting its own.
 */
@ApplicationScoped
public class LocalCrawlRuns {

    private final Map<String, Long> executions = new ConcurrentHashMap<>();

    /** True when an execution registered for the crawl on this server is starting or running. */
    public boolean isRunning(String crawlId) {
        Long execution = executions.get(crawlId);
        if (execution == null) {
            return false;
        }
        BatchStatus status = BatchRuntime.getJobOperator().getJobExecution(execution).getBatchStatus();
        return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
    }

    public void register(String crawlId, long execution) {
        executions.put(crawlId, execution);
    }

    /** Forgets the execution, unless a newer one of the crawl registered meanwhile. */
    public void unregister(String crawlId, long execution) {
        executions.remove(crawlId, execution);
    }
}
