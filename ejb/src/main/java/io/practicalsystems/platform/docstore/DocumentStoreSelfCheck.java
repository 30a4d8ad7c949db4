package io.practicalsystems.platform.docstore;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.jnosql.mapping.document.DocumentTemplate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Proves at every start that application code can use the document store through Jakarta NoSQL: records
 * this start with the {@link DocumentTemplate}, counts this server's starts through a JNoSQL repository,
 * and logs one line. A growing count across restarts also shows the embedded store's file persists.
 *
 * <p>It runs off the startup thread: against an external MongoDB that is down, the driver waits for its
 * server-selection timeout (30 s by default), which must not hold up the start of the whole application.
 */
@Singleton
@Startup
@DependsOn("DocumentStoreBackend")
public class DocumentStoreSelfCheck {

    private static final Logger LOG = Logger.getLogger(DocumentStoreSelfCheck.class.getName());

    @Inject
    DocumentTemplate template;

    @Inject
    ServerStarts starts;

    @Inject
    @ConfigProperty(name = "wlp.server.name", defaultValue = "unknown")
    String serverName;

    @Resource
    ManagedExecutorService executor;

    @PostConstruct
    void scheduleCheck() {
        executor.execute(this::recordStart);
    }

    void recordStart() {
        long begin = System.nanoTime();
        try {
            template.insert(new ServerStart(UUID.randomUUID().toString(), serverName, Instant.now()));
            long mine = starts.countByServerName(serverName);
            long all = template.count(ServerStart.class);
            LOG.info(String.format("Document store self-check OK: start of server '%s' recorded; %d starts of it"
                    + " on record, %d of all servers (%d ms)", serverName, mine, all,
                    (System.nanoTime() - begin) / 1_000_000));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Document store self-check failed: " + e, e);
        }
    }
}
