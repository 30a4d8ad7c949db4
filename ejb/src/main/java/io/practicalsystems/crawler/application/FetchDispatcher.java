package io.practicalsystems.crawler.application;

import io.practicalsystems.crawler.frontier.Claim;
import java.util.List;

/**
 * Where the {@code crawl-run} job's dispatch step hands the URLs it claimed from the frontier: the fetch pipeline
 * (one JMS message per claim to queue {@code crawler.fetch}, fetched by an MDB). Called from the chunk's writer,
 * inside the chunk transaction, so messages sent through a transacted JMS context go out when the chunk commits.
 *
 * <p>Implemented by {@code JmsFetchDispatcher} (package {@code crawler.application.dispatch}).
 */
public interface FetchDispatcher {

    /**
     * How many more claims this server can take for the crawl now (what it has in flight counts against
     * {@code ps.crawler.fetch-concurrency}); 0 makes the run wait instead of claiming URLs whose leases would run
     * out in a queue.
     */
    int capacity(String crawlId);

    /**
     * Returns as soon as {@link #capacity} may be above 0 again (a task finished), or after {@code maxMillis}: the
     * run waits here, rather than a fixed poll interval, while the pipeline is full.
     */
    void awaitCapacity(String crawlId, long maxMillis) throws InterruptedException;

    /** Hands every claim to the pipeline, which completes each with the frontier when done. */
    void dispatch(String crawlId, List<Claim> claims);
}
