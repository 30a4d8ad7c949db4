package io.practicalsystems.platform.sql;

import io.practicalsystems.platform.BackendMode;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Which SQL database the pooled datasource {@code jdbc/practical} really reaches: logged once at start-up, and
 * whether it is embedded (Derby in this JVM) or a database server.
 */
@Singleton(name = "SqlBackend")
@Startup
// Written when the database first answers, then only read: no container lock needed.
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SqlBackend {

    private static final Logger LOG = Logger.getLogger(SqlBackend.class.getName());

    @Resource(lookup = "jdbc/practical")
    DataSource dataSource;

    private volatile String description = "unknown";
    /** Null until the database has answered once. */
    private volatile BackendMode mode;

    @PostConstruct
    void report() {
        try {
            ask();
            LOG.info("SQL backend: " + description);
        } catch (SQLException e) {
            // Not fatal here: the readiness check reports it, and the database may come up later.
            LOG.warning("SQL backend: not reachable at start-up: " + e.getMessage());
        }
    }

    private void ask() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
            mode = BackendMode.ofSqlDatabase(meta.getDatabaseProductName(), meta.getURL());
        }
    }

    public String description() {
        return description;
    }

    /** Embedded or external; if the database has not answered since start-up it is asked now, empty if it does not. */
    public Optional<BackendMode> mode() {
        if (mode == null) {
            try {
                ask();
            } catch (SQLException e) {
                return Optional.empty();
            }
        }
        return Optional.of(mode);
    }
}
