package io.practicalsystems.shortener;

import io.practicalsystems.platform.testkit.TestServers;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;

/** Reads the shortener's click tables in the test MariaDB directly, to check what the application wrote. */
final class ClickTables {

    private ClickTables() {
    }

    static long rawEvents(String code) {
        return single("SELECT COUNT(*) FROM SHORTENER_CLICK WHERE CODE = ?", code);
    }

    static long rolledUpClicks(String code, String day) {
        return single("SELECT COALESCE(SUM(CLICKS), 0) FROM SHORTENER_DAILY_STAT WHERE CODE = ? AND CLICK_DAY = '"
                + day + "'", code);
    }

    /** (code, referrer, agent) → clicks for the day, counted from the raw events. */
    static Map<String, Long> rawGroups(String day) {
        return groups("SELECT CODE, REFERRER_HOST, AGENT_FAMILY, COUNT(*) FROM SHORTENER_CLICK WHERE CLICK_DAY = ?"
                + " GROUP BY CODE, REFERRER_HOST, AGENT_FAMILY", day);
    }

    /** (code, referrer, agent) → clicks for the day, as the rollup job stored them. */
    static Map<String, Long> rolledUpGroups(String day) {
        return groups("SELECT CODE, REFERRER_HOST, AGENT_FAMILY, CLICKS FROM SHORTENER_DAILY_STAT WHERE CLICK_DAY = ?",
                day);
    }

    private static Map<String, Long> groups(String sql, String day) {
        Map<String, Long> result = new TreeMap<>();
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, day);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    result.merge(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3),
                            rows.getLong(4), Long::sum);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return result;
    }

    private static long single(String sql, String parameter) {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestServers.mariadbUrl(), "root", "");
    }
}
