package io.practicalsystems.shortener.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database floor of link creates (issue 18): how fast a plain JDBC loop inserts the rows a create inserts, into the
 * same table of the same database, with as many connections as the server's pool. Each insert is its own transaction
 * (auto-commit), like a create. The rows get negative IDs, which the ID generator never issues, and codes with a
 * '-', which Base62 never has; they are deleted at the end, so the server's data is as it was.
 *
 * <pre>java -cp bench/target/classes:MARIADB_DRIVER.jar io.practicalsystems.shortener.bench.CreateFloor \
 *     JDBC_URL USER PASSWORD CONNECTIONS SECONDS</pre>
 * prints {@code floor: N inserts in S s over C connections = R inserts/s}.
 */
public final class CreateFloor {

    static final String INSERT = "INSERT INTO SHORTENER_LINK (ID, CODE, TARGET_URL, TARGET_HASH, OWNER_KEY, "
            + "REDIRECT_STATUS, CUSTOM_ALIAS, CREATED_AT, UPDATED_AT, EXPIRES_AT, DELETED_AT, VERSION) "
            + "VALUES (?, ?, ?, ?, ?, 302, FALSE, ?, ?, NULL, NULL, 1)";

    private CreateFloor() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: CreateFloor JDBC_URL USER PASSWORD CONNECTIONS SECONDS");
            System.exit(2);
        }
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int connections = Integer.parseInt(args[3]);
        long seconds = Long.parseLong(args[4]);
        AtomicLong nextNumber = new AtomicLong(1);
        AtomicLong inserted = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = connection.prepareStatement(INSERT)) {
                    while (System.nanoTime() < end) {
                        insertOne(insert, nextNumber.getAndIncrement());
                        inserted.incrementAndGet();
                    }
                } catch (SQLException | RuntimeException e) {
                    failures.add(e);
                }
            }, "floor-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement cleanup = connection.createStatement()) {
            cleanup.executeUpdate("DELETE FROM SHORTENER_LINK WHERE ID < 0");
        }
        if (!failures.isEmpty()) {
            System.err.println("floor: " + failures.size() + " connection(s) failed, first: " + failures.get(0));
            System.exit(1);
        }
        System.out.printf("floor: %d inserts in %.1f s over %d connections = %.0f inserts/s%n", inserted.get(), elapsed,
                connections, inserted.get() / elapsed);
    }

    /** The row a create of {@code https://bench.example/floor/N} by an anonymous caller inserts. */
    static void insertOne(PreparedStatement insert, long number) throws SQLException {
        String target = "https://bench.example/floor/" + number;
        Timestamp now = Timestamp.from(Instant.now());
        insert.setLong(1, -number);
        insert.setString(2, "floor-" + Long.toString(number, 36));
        insert.setString(3, target);
        insert.setString(4, sha256(target));
        insert.setString(5, "anonymous");
        insert.setTimestamp(6, now);
        insert.setTimestamp(7, now);
        insert.executeUpdate();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
