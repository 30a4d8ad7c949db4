package io.practicalsystems.crawler.application;

/**
 * Starts the Jakarta Batch job {@code crawl-run} for a crawl on this server. Implemented in the batch module (the
 * job XML and its artifacts live there, and a job must be started from its own module), as the EJB
 * {@code CrawlRunStarter}; {@link CrawlRuns} finds it by its {@code java:app} name.
 */
public interface CrawlRunLauncher {

    /** The job parameter that names the crawl. */
    String CRAWL_ID = "crawlId";
    String JOB_NAME = "crawl-run";

    /**
     * Starts a run of the crawl unless one is already running on this server.
     *
     * @return the new execution's id, or -1 when a run of the crawl was already running here
     */
    long launch(String crawlId);
}
