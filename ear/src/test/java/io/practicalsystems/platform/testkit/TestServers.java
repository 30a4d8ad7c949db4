package io.practicalsystems.platform.testkit;

import java.util.UUID;

/**
 * Server presets shared by the integration tests: "real services" (this machine's MariaDB and Redis, as CI
 * provides them) and "embedded defaults" (nothing configured: Derby file, embedded redis-server and Mongo-wire
 * server on ports of their own). Admin credentials are random per test run, never the dev default.
 */
public final class TestServers {

    public static final String ADMIN_USER = "it-admin";
    public static final String ADMIN_PASSWORD = "it-" + UUID.randomUUID();

    private TestServers() {
    }

    public static String mariadbUrl() {
        return System.getProperty("it.db.url", "jdbc:mariadb://127.0.0.1:3306/test");
    }

    public static String redisUrl() {
        return System.getProperty("it.redis.url", "redis://127.0.0.1:6379");
    }

    public static LibertyServerBuilder realServices(String name) {
        return LibertyServer.builder(name)
                .env("DB_KIND", "mariadb")
                .env("DB_URL", mariadbUrl())
                .env("DB_SCHEMA", System.getProperty("it.db.schema", "test"))
                .env("DB_USER", System.getProperty("it.db.user", "root"))
                .env("PS_REDIS_URL", redisUrl())
                // No MongoDB can run on this machine: the documents go to an embedded Mongo-wire server.
                .env("PS_EMBEDDED_MONGODB_PORT", FreePorts.next())
                .env("ADMIN_USER", ADMIN_USER)
                .env("ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    public static LibertyServerBuilder embeddedDefaults(String name) {
        return LibertyServer.builder(name)
                .env("PS_EMBEDDED_REDIS_PORT", FreePorts.next())
                .env("PS_EMBEDDED_MONGODB_PORT", FreePorts.next())
                .env("ADMIN_USER", ADMIN_USER)
                .env("ADMIN_PASSWORD", ADMIN_PASSWORD);
    }

    public static Http.BasicAuth admin() {
        return Http.basicAuth(ADMIN_USER, ADMIN_PASSWORD);
    }
}
