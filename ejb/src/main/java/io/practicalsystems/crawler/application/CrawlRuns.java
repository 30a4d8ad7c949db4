package io.practicalsystems.crawler.application;

import jakarta.enterprise.context.ApplicationScoped;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Reaches the batch module's {@link CrawlRunLauncher} from the REST layer and the services: looked up by name on
 * each use (not injected), because the batch module may start after this one and an injection would fail the
 * deployment instead of one request.
 */
@ApplicationScoped
public class CrawlRuns {

    static final String LAUNCHER = "java:app/practical-systems-batch/CrawlRunStarter!"
            + CrawlRunLauncher.class.getName();

    /** The execution id, or -1 when the crawl already had a run on this server. */
    public long launch(String crawlId) {
        CrawlRunLauncher launcher;
        try {
            launcher = InitialContext.doLookup(LAUNCHER);
        } catch (NamingException e) {
            throw new CrawlRunUnavailableException("the crawl-run job cannot be started on this server: the batch "
                    + "module is not available", e);
        }
        return launcher.launch(crawlId);
    }
}
