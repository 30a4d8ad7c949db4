package io.practicalsystems.platform.docstore;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Mongo-wire server (mongo-java-server) whose databases live in one H2 MVStore file, so documents survive
 * a restart the way they would with a real MongoDB. Used only when nothing is configured and nothing answers
 * on the default port; see {@link DocumentStoreBackend}.
 *
 * <p>It is not MongoDB: no transactions, no $text, only _id and unique indexes are enforced (TTL and other
 * indexes are accepted but ignored) and some aggregation stages are missing. Code must not depend on those.
 */
public final class EmbeddedMongo implements AutoCloseable {

    /** The data file inside the data directory; one per server, never shared (the MVStore locks it). */
    static final String DATA_FILE = "mongodb/practical.mv";

    private final MongoServer server;
    private final Path file;
    private final int port;

    private EmbeddedMongo(MongoServer server, Path file, int port) {
        this.server = server;
        this.file = file;
        this.port = port;
    }

    public static Path dataFile(Path dataDir) {
        return dataDir.resolve(DATA_FILE).toAbsolutePath().normalize();
    }

    /**
     * Opens (or creates) {@code file} and listens on 127.0.0.1:{@code port} only: the embedded server is for
     * this machine, it has no authentication.
     */
    public static EmbeddedMongo start(Path file, int port) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory for " + file, e);
        }
        // Opening the MVStore takes the file lock; a second server on the same file fails here, not later.
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        try {
            server.bind("127.0.0.1", port);
        } catch (Exception e) {
            // Netty rethrows java.net.BindException unchecked-but-undeclared, and MongoServer only cleans up
            // after RuntimeExceptions: shut down here so its threads stop and the MVStore file lock is released.
            try {
                server.shutdownNow();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + ": " + e, e);
        }
        return new EmbeddedMongo(server, file, port);
    }

    public Path file() {
        return file;
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /**
     * Stops listening, closes client connections and closes the MVStore, which writes the last changes and
     * releases the file lock. (A kill -9 can lose up to about a second of writes: the MVStore commits in the
     * background once a second.)
     */
    @Override
    public void close() {
        server.shutdownNow();
    }
}
