package io.practicalsystems.platform;

import io.practicalsystems.platform.docstore.DocumentStoreBackend;
import io.practicalsystems.platform.redis.RedisBackend;
import io.practicalsystems.platform.sql.SqlBackend;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Where each shared backend of this server runs — embedded, local or external — read from the same backend beans the
 * admin's health details describe, but as a mode only: no address, user, password or database name, so anyone may
 * see it (the console's Overview, without sign-in).
 */
@ApplicationScoped
public class PlatformBackends {

    /** A backend's mode when it cannot be told (the database has never answered, the store's address is invalid). */
    public static final String UNKNOWN = "unknown";

    /**
     * @param service the name of its readiness check: {@code redis}, {@code sql}, {@code mongodb}, {@code messaging}
     * @param mode    {@code embedded}, {@code local}, {@code external} or {@value #UNKNOWN}
     */
    public record Backend(String service, String mode) {
    }

    @EJB
    RedisBackend redis;

    @EJB
    SqlBackend sql;

    @Inject
    DocumentStoreBackend documents;

    public List<Backend> all() {
        return List.of(
                new Backend("redis", redis.mode().label()),
                new Backend("sql", label(sql.mode())),
                new Backend("mongodb", label(documents.mode())),
                // Liberty's messaging engine runs inside this server (server.xml's messagingEngine); other
                // processes connect to it, it never connects out.
                new Backend("messaging", BackendMode.EMBEDDED.label()));
    }

    private static String label(Optional<BackendMode> mode) {
        return mode.map(BackendMode::label).orElse(UNKNOWN);
    }
}
