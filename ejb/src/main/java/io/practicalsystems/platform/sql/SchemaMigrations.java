package io.practicalsystems.platform.sql;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the SQL schema to the version this build expects, reproducibly, before any system uses it: the
 * scripts listed in {@code META-INF/sql/migrations/index.txt} run once each, in order, and are recorded in
 * {@code PS_SCHEMA_HISTORY}. Runs outside any JTA transaction because MySQL/MariaDB cannot run DDL inside an
 * XA transaction (which is why JPA's own DDL generation is not used).
 */
@Singleton(name = "SchemaMigrations")
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    private static final String ROOT = "META-INF/sql/migrations/";

    @Resource(lookup = "jdbc/practical")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        List<String> scripts = MigrationIndex.parse(read("index.txt"));
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            String dialect = MigrationIndex.dialectOf(connection.getMetaData().getDatabaseProductName());
            MigrationRunner runner = new MigrationRunner(connection);
            int applied = runner.apply(scripts, name -> readForDialect(name, dialect));
            LOG.info("SQL schema: " + applied + " migration(s) applied, " + scripts.size() + " known");
        } catch (SQLException e) {
            // Not fatal for the whole EAR: the systems that need SQL report it (readiness, 503s).
            LOG.severe("SQL schema migration failed: " + e.getMessage());
        }
    }

    /** {@code 0002-x.sql} may have a per-database variant {@code 0002-x.mariadb.sql} / {@code 0002-x.derby.sql}. */
    private static String readForDialect(String name, String dialect) {
        String variant = name.replaceFirst("\\.sql$", "." + dialect + ".sql");
        String text = readOrNull(variant);
        return text != null ? text : read(name);
    }

    private static String read(String name) {
        String text = readOrNull(name);
        if (text == null) {
            throw new IllegalStateException("missing migration resource " + ROOT + name);
        }
        return text;
    }

    private static String readOrNull(String name) {
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(ROOT + name)) {
            if (in == null) {
                return null;
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
