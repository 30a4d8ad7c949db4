package io.practicalsystems.platform.problem;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * A backing service that a failed request could not reach: the SQL database, the document store or Redis. Such a
 * failure is the service's, not the request's, so the answer is 503 with Retry-After (the client may try again
 * shortly) rather than a 500 incident. Read off an exception's cause chain, since JNoSQL, EJB and JAX-RS wrap it.
 */
public enum BackendOutage {
    DATABASE("database-unavailable", "the database"),
    DOCUMENT_STORE("document-store-unavailable", "the document store"),
    REDIS("redis-unavailable", "Redis");

    /** Seconds a client is asked to wait: about how long the pooled clients take to notice a service is back. */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** How far down a cause chain to look; a cycle or a pathological chain must not hang an error answer. */
    private static final int MAX_DEPTH = 32;

    private final String slug;
    private final String name;

    BackendOutage(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    /** The service the exception or one of its causes says is unreachable, if any. */
    public static Optional<BackendOutage> of(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof SQLException || t instanceof PersistenceException) {
                return Optional.of(DATABASE);
            }
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException) {
                return Optional.of(DOCUMENT_STORE);
            }
            if (t instanceof JedisConnectionException) {
                return Optional.of(REDIS);
            }
        }
        return Optional.empty();
    }

    /** The 503 to answer with; the sentence names the service, never the exception. */
    public Problem problem() {
        return new Problem(503, slug, "Service unavailable", name + " is unavailable; try again shortly",
                Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
    }
}
