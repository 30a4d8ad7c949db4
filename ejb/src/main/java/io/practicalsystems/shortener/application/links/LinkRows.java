package io.practicalsystems.shortener.application.links;

import java.sql.SQLException;
import java.util.List;

/** Inserting new {@link ShortLink} rows, committed before these return. */
public interface LinkRows {

    /** All of {@code links} in one transaction: all are committed, or (on an exception) none. */
    void insertAll(List<ShortLink> links) throws SQLException;

    /** One link in its own transaction. */
    void insert(ShortLink link) throws SQLException;

    /** SQLState class 23, integrity constraint violation: here, a code (or ID) that is already taken. */
    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
