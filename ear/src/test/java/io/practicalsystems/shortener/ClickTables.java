package io.practicalsystems.shortener;

import io.practicalsystems.platform.testkit.ItServices;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the shortener's click tables in the tests' MariaDB ({@link ItServices}), to check what the app wrote. */
final class ClickTables {

    private ClickTables() {
    }

    /** Clicks of the code stored in the click batches (what the rollup reads), over all days. */
    static long storedClicks(String code) {
        return storedCounts("").stream().filter(c -> c.code().equals(code)).mapToLong(DailyStat::clicks).sum();
    }

    /** (code, referrer, agent) → clicks for the day, from the stored click batches. */
    static Map<String, Long> storedGroups(String day) {
        Map<String, Long> result = new TreeMap<>();
        for (DailyStat c : storedCounts(" WHERE CLICK_DAY = '" + LocalDate.parse(day) + "'")) {
            result.merge(c.code() + "|" + c.referrerHost() + "|" + c.agentFamily(), c.clicks(), Long::sum);
        }
        return result;
    }

    static long rolledUpClicks(String code, String day) {
        return single("SELECT COALESCE(SUM(CLICKS), 0) FROM SHORTENER_DAILY_STAT WHERE CODE = ? AND CLICK_DAY = '"
                + day + "'", code);
    }

    /** (code, referrer, agent) → clicks for the day, as the rollup job stored them. */
    static Map<String, Long> rolledUpGroups(String day) {
        Map<String, Long> result = new TreeMap<>();
        query("SELECT CODE, REFERRER_HOST, AGENT_FAMILY, CLICKS FROM SHORTENER_DAILY_STAT WHERE CLICK_DAY = '" + day
                + "'", rows -> result.merge(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3),
                rows.getLong(4), Long::sum));
        return result;
    }

    private static List<DailyStat> storedCounts(String where) {
        List<DailyStat> counts = new ArrayList<>();
        query("SELECT BATCH_ID, CLICK_DAY, EVENTS FROM SHORTENER_CLICK_BATCH" + where, rows -> counts.addAll(
                ClickBatch.fromText(rows.getString(1), rows.getDate(2).toLocalDate(),
                        new String(rows.getBytes(3), StandardCharsets.UTF_8)).counts()));
        return counts;
    }

    private interface RowConsumer {
        void accept(ResultSet row) throws SQLException;
    }

    private static void query(String sql, RowConsumer each) {
        try (Connection c = connect(); PreparedStatement query = c.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                each.accept(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
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
        return ItServices.get().sqlConnection();
    }
}
