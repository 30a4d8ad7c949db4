package io.practicalsystems.platform.docstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * Runs the server's {@code ping} command with a short timeout, for the readiness check.
 *
 * <p>It has its own small client instead of borrowing the application's: the application client keeps the
 * driver's 30 s server-selection default (or whatever the URL says), which would make a health probe hang
 * for 30 s against a dead server. The stable driver API has no per-call timeout (CSOT is still @Alpha).
 */
public final class DocumentStorePing implements AutoCloseable {

    private final MongoClient client;
    private final String database;

    public DocumentStorePing(String uri, String database, Duration timeout) {
        long millis = timeout.toMillis();
        this.client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("practical-systems-health")
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b.connectTimeout((int) millis, TimeUnit.MILLISECONDS)
                        .readTimeout((int) millis, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(b -> b.maxSize(1))
                .build());
        this.database = database;
    }

    /** Empty when the server answered {@code ok: 1}; otherwise why not. Never throws. */
    public Optional<String> ping() {
        try {
            Document reply = client.getDatabase(database).runCommand(new Document("ping", 1));
            Object ok = reply.get("ok");
            return ok instanceof Number n && n.doubleValue() == 1.0
                    ? Optional.empty()
                    : Optional.of("unexpected ping reply: " + reply.toJson());
        } catch (RuntimeException e) {
            return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
