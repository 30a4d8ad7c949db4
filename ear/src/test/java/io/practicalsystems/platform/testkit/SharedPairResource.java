package io.practicalsystems.platform.testkit;

import io.practicalsystems.platform.docstore.EmbeddedMongo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The running shared pair and the document store it shares, as kept in the root context's store: JUnit closes it
 * (stopping both servers, then the store) when the run ends. Handing it out checks both still run.
 */
final class SharedPairResource implements AutoCloseable {

    private final EmbeddedMongo documents;
    private final LibertyCluster pair;
    private String lastUser = "nobody yet";

    private SharedPairResource(EmbeddedMongo documents, LibertyCluster pair) {
        this.documents = documents;
        this.pair = pair;
    }

    /**
     * Starts a Mongo-wire server for both (no MongoDB can run here; each server's own embedded one would give each
     * its own documents), then both servers in parallel, and awaits their readiness.
     */
    static SharedPairResource start() {
        EmbeddedMongo documents;
        try {
            Path dir = Files.createTempDirectory("shared-pair-");
            documents = EmbeddedMongo.start(dir.resolve("docs/shared-pair.mv"), FreePorts.next());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LibertyCluster pair = LibertyCluster.of(2, i -> TestServers.sharedPair("shared-pair-" + i,
                documents.connectionString()));
        try {
            pair.startAll();
            pair.awaitAllReady();
        } catch (RuntimeException e) {
            pair.close();
            documents.close();
            throw e;
        }
        return new SharedPairResource(documents, pair);
    }

    LibertyCluster pairFor(String testClass) {
        if (!pair.servers().stream().allMatch(LibertyServer::isRunning)) {
            throw new IllegalStateException("a server of the shared pair " + pair + " is not running; the last class"
                    + " that used it was " + lastUser + ". Classes that stop, kill or restart a server take OwnServers.");
        }
        lastUser = testClass;
        return pair;
    }

    @Override
    public void close() {
        try {
            pair.close();
        } finally {
            documents.close();
        }
    }
}
