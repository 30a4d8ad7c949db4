package io.practicalsystems.platform.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Applies not-yet-applied scripts on one auto-commit connection and records each in PS_SCHEMA_HISTORY. */
final class MigrationRunner {

    static final String HISTORY = "PS_SCHEMA_HISTORY";

    private final Connection connection;

    MigrationRunner(Connection connection) {
        this.connection = connection;
    }

    /** @return how many scripts were applied now */
    int apply(List<String> scripts, Function<String, String> source) throws SQLException {
        ensureHistoryTable();
        Set<String> done = appliedScripts();
        int applied = 0;
        for (String name : scripts) {
            if (done.contains(name)) {
                continue;
            }
            try (Statement statement = connection.createStatement()) {
                for (String sql : MigrationIndex.statements(source.apply(name))) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + HISTORY + " (SCRIPT, APPLIED_AT) VALUES (?, ?)")) {
                insert.setString(1, name);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.executeUpdate();
            }
            applied++;
        }
        return applied;
    }

    private void ensureHistoryTable() throws SQLException {
        if (!tableExists(HISTORY)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE " + HISTORY
                        + " (SCRIPT VARCHAR(200) NOT NULL PRIMARY KEY, APPLIED_AT TIMESTAMP NOT NULL)");
            }
        }
    }

    private boolean tableExists(String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String candidate : new String[] {table, table.toLowerCase()}) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), null, candidate, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> appliedScripts() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT SCRIPT FROM " + HISTORY)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
