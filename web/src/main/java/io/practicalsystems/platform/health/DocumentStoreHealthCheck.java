package io.practicalsystems.platform.health;

import io.practicalsystems.platform.docstore.DocumentStoreBackend;
import io.practicalsystems.platform.docstore.DocumentStorePing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only if the document store answers a real {@code ping} within a short timeout. (In the web module, not next
 * to the backend in the EJB module: see {@link DetailedHealthCheck} for why.)
 */
@Readiness
@ApplicationScoped
public class DocumentStoreHealthCheck extends DetailedHealthCheck {

    @Inject
    DocumentStoreBackend backend;

    @Inject
    @ConfigProperty(name = "ps.mongodb.health.timeout.ms", defaultValue = "2000")
    long timeoutMillis;

    private DocumentStorePing ping;

    @Override
    public HealthCheckResponse detailed() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("mongodb")
                .withData("backend", backend.description())
                .withData("database", backend.database());
        Optional<String> error = backend.startupError().or(() -> ping().ping());
        return error.map(e -> response.down().withData("error", e))
                .orElseGet(response::up)
                .build();
    }

    // Created on first use, not at injection: the backend has resolved its URL by then.
    private synchronized DocumentStorePing ping() {
        if (ping == null) {
            ping = new DocumentStorePing(backend.uri(), backend.database(), Duration.ofMillis(timeoutMillis));
        }
        return ping;
    }

    @PreDestroy
    synchronized void close() {
        if (ping != null) {
            ping.close();
        }
    }
}
