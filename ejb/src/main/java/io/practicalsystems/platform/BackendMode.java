package io.practicalsystems.platform;

import java.util.Locale;

/**
 * Where a backing service runs, in words anyone may read: no address, user or password, so the public
 * {@code GET /api/platform/backends} can say it (the addresses stay the admin's, in {@code /api/admin/health}).
 */
public enum BackendMode {
    /** Started by this server and stopped with it: the embedded redis-server or Mongo-wire server, Derby, JMS. */
    EMBEDDED,
    /** Nothing configured, and something else already answered on the default loopback port: used as found. */
    LOCAL,
    /** Configured: a service this server was given the address of. */
    EXTERNAL;

    /** The mode as JSON and the console show it: {@code embedded}, {@code local}, {@code external}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A SQL database as its JDBC metadata describes it: Derby in this JVM ({@code jdbc:derby:<path>}) is embedded,
     * anything reached over the network (a MariaDB, a Derby network server at {@code jdbc:derby://…}) external.
     */
    public static BackendMode ofSqlDatabase(String productName, String url) {
        boolean derby = productName != null && productName.toLowerCase(Locale.ROOT).contains("derby");
        boolean overNetwork = url != null && url.contains("://");
        return derby && !overNetwork ? EMBEDDED : EXTERNAL;
    }
}
