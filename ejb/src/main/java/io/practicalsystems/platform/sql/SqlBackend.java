package io.practicalsystems.platform.sql;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Logs, once at start-up, which SQL database the pooled datasource {@code jdbc/practical} really reaches. */
@Singleton(name = "SqlBackend")
@Startup
public class SqlBackend {

    private static final Logger LOG = Logger.getLogger(SqlBackend.class.getName());

    @Resource(lookup = "jdbc/practical")
    DataSource dataSource;

    private String description = "unknown";

    @PostConstruct
    void report() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            description = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at " + meta.getURL();
            LOG.info("SQL backend: " + description);
        } catch (SQLException e) {
            // Not fatal here: the readiness check reports it, and the database may come up later.
            LOG.warning("SQL backend: not reachable at start-up: " + e.getMessage());
        }
    }

    public String description() {
        return description;
    }
}
