package io.practicalsystems.platform.docstore;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.jnosql.communication.semistructured.DatabaseManager;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentConfiguration;
import org.eclipse.jnosql.databases.mongodb.communication.MongoDBDocumentManager;
import org.eclipse.jnosql.mapping.Database;
import org.eclipse.jnosql.mapping.DatabaseType;

/**
 * Points Eclipse JNoSQL at the document store {@link DocumentStoreBackend} resolved at runtime.
 *
 * <p>JNoSQL builds its {@code DatabaseManager} from MicroProfile Config ({@code jnosql.mongodb.url},
 * {@code jnosql.document.database}), read once when the first template is created; but our URL is only
 * known after the backend has probed the port and perhaps started the embedded server. So instead of
 * feeding it config, these producers replace JNoSQL's own: as alternatives with an application priority
 * they win over JNoSQL's producers of the same type and qualifiers, and everything built on them
 * ({@code DocumentTemplate}, {@code MongoDBTemplate}, JNoSQL repositories) uses the backend's client.
 * The jnosql.* keys are then ignored, which is intended: ps.mongodb.* is the one configuration.
 */
@ApplicationScoped
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
public class DocumentManagerProducer {

    @Inject
    DocumentStoreBackend backend;

    private volatile MongoDBDocumentManager manager;

    /** What {@code DocumentTemplate} and the JNoSQL repositories use. */
    @Produces
    @Database(DatabaseType.DOCUMENT)
    DatabaseManager documentManager() {
        return manager();
    }

    /** What {@code MongoDBTemplate} (Bson filters, aggregations) uses. */
    @Produces
    @Typed(MongoDBDocumentManager.class)
    MongoDBDocumentManager mongoDocumentManager() {
        return manager();
    }

    // Dependent-scoped products sharing one manager: it is a stateless view of one database of the shared
    // client, and its close() does nothing; the client is closed by the backend when Liberty stops.
    private MongoDBDocumentManager manager() {
        MongoDBDocumentManager current = manager;
        if (current == null) {
            synchronized (this) {
                current = manager;
                if (current == null) {
                    current = new MongoDBDocumentConfiguration().get(backend.client()).apply(backend.database());
                    manager = current;
                }
            }
        }
        return current;
    }
}
