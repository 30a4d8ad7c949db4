package io.practicalsystems.platform.docstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.practicalsystems.platform.BackendChoice;
import io.practicalsystems.platform.BackendMode;
import io.practicalsystems.platform.PortProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The document store of this server: which Mongo-wire server it uses, the one shared driver client, and —
 * when nothing is configured and nothing answers on the default port — the embedded, file-backed server,
 * which starts before the application's components and stops with Liberty.
 *
 * <p>Configuration (MicroProfile Config, so env vars work too):
 * {@code ps.mongodb.url} / PS_MONGODB_URL (e.g. mongodb://user:pw@host:27017) selects an external MongoDB and
 * nothing embedded ever starts; {@code ps.mongodb.database} (default {@value #DEFAULT_DATABASE});
 * {@code ps.embedded.mongodb.port} (default 27017) is the loopback port probed and, if free, used by the
 * embedded server; {@code ps.data.dir} holds its file.
 *
 * <p>Components that use the store at startup declare {@code @DependsOn("DocumentStoreBackend")} so they
 * start after it and are destroyed before it.
 */
@Singleton(name = "DocumentStoreBackend")
@Startup
// The fields are written once in @PostConstruct, before the container lets any caller in; afterwards they
// are only read, so container write-locking would just serialize the health check and the producers.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DocumentStoreBackend {

    static final String DEFAULT_DATABASE = "practical";

    private static final Logger LOG = Logger.getLogger(DocumentStoreBackend.class.getName());

    @Inject
    @ConfigProperty(name = "ps.mongodb.url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "ps.mongodb.database", defaultValue = DEFAULT_DATABASE)
    String database;

    @Inject
    @ConfigProperty(name = "ps.embedded.mongodb.port", defaultValue = "27017")
    int embeddedPort;

    @Inject
    @ConfigProperty(name = "ps.data.dir", defaultValue = "target/data")
    String dataDir;

    private volatile BackendChoice choice;
    private volatile EmbeddedMongo embedded;
    private volatile MongoClient client;
    private volatile String startupError;

    @PostConstruct
    void start() {
        long begin = System.nanoTime();
        try {
            choice = BackendChoice.resolve("mongodb", "mongodb", configuredUrl, embeddedPort,
                    PortProbe::answersOnLoopback);
            // Parse before starting anything: a malformed configured URL is a configuration error to report.
            ConnectionString url = new ConnectionString(choice.uri());
            String where = "";
            if (choice.startEmbedded()) {
                embedded = startEmbedded(choice.port());
                where = embedded == null ? "" : ", file " + embedded.file();
            }
            // The driver connects lazily: an unreachable external server does not block or fail the start.
            client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(url)
                    .applicationName("practical-systems")
                    .build());
            LOG.info(String.format("Document store: %s, database '%s'%s (ready in %d ms)", choice.description(),
                    database, where, (System.nanoTime() - begin) / 1_000_000));
        } catch (RuntimeException e) {
            // Deliberately not rethrown: a failing @Startup bean would stop the whole EAR, every other system
            // with it. Readiness reports DOWN with this error and document-store calls fail with it instead.
            startupError = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.SEVERE, "Document store unavailable: " + startupError
                    + (choice == null ? "" : " (" + choice.description() + ")"), e);
            stop();
        }
    }

    private EmbeddedMongo startEmbedded(int port) {
        try {
            return EmbeddedMongo.start(EmbeddedMongo.dataFile(Path.of(dataDir)), port);
        } catch (IllegalStateException e) {
            // Two servers on one machine starting together both see a free port; the loser uses the winner's.
            if (!PortProbe.answersOnLoopback(port)) {
                throw e;
            }
            choice = new BackendChoice(choice.uri(), false, port, "local mongodb on 127.0.0.1:" + port
                    + " (another server started it while this one was starting its own)");
            return null;
        }
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (embedded != null) {
            EmbeddedMongo server = embedded;
            embedded = null;
            server.close();
            LOG.info("Document store: embedded mongodb on 127.0.0.1:" + server.port() + " stopped, "
                    + server.file() + " closed");
        }
    }

    /** The shared, pooled, thread-safe driver client (JNoSQL uses it too). */
    public MongoClient client() {
        MongoClient current = client;
        if (current == null) {
            throw new IllegalStateException("document store unavailable: "
                    + (startupError != null ? startupError : "stopped"));
        }
        return current;
    }

    /** The address clients connect to. May contain credentials: never log it, log {@link #description()}. */
    public String uri() {
        return choice == null ? null : choice.uri();
    }

    public String database() {
        return database;
    }

    /** One line without credentials, e.g. "embedded mongodb on 127.0.0.1:27017 (nothing configured, …)". */
    public String description() {
        return choice == null ? "unresolved mongodb backend" : choice.description();
    }

    /** Embedded, local or external; empty if not even the address could be resolved (see the startup error). */
    public Optional<BackendMode> mode() {
        BackendChoice current = choice;
        return current == null ? Optional.empty() : Optional.of(current.mode());
    }

    public Optional<String> startupError() {
        return Optional.ofNullable(startupError);
    }
}
