package io.practicalsystems.platform.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Describes one {@link LibertyServer}; {@link #build()} creates its directory (the server is not started yet).
 *
 * <pre>{@code
 * LibertyServer node = LibertyServer.builder("node1")
 *         .env("DB_KIND", "mariadb")
 *         .env("DB_URL", "jdbc:mariadb://127.0.0.1:3306/test")
 *         .env("PS_IDGEN_WORKER_ID", 1)
 *         .build();
 * }</pre>
 *
 * HTTP and HTTPS ports are free ports picked at {@link #build()} unless set; they reach server.xml as HTTP_PORT and
 * HTTPS_PORT. Everything else is passed through as environment variables: the harness does not know the app's
 * settings, it only makes sure each server gets its own.
 */
public final class LibertyServerBuilder {

    /** Liberty accepts more, but these characters are safe in every path and shell the name ends up in. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.+-]*");
    /** bin/server only exports server.env lines whose name is an identifier. */
    private static final Pattern ENV_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String name;
    private final Map<String, String> env = new LinkedHashMap<>();
    private int httpPort;
    private int httpsPort;
    private String appName = LibertyServer.DEFAULT_APP_NAME;
    // Generous: this EAR starts in 15-25 s alone, and several servers starting at once on 2 cores take longer.
    // Generous: on a loaded 2-core machine an EAR with every feature has taken over 3 minutes to start.
    private Duration startTimeout = Duration.ofSeconds(420);
    private Duration stopTimeout = Duration.ofSeconds(60);
    private LibertyInstallation installation;

    LibertyServerBuilder(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("server name must match " + NAME + ": " + name);
        }
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** An environment variable for the server (and its server.env). HTTP_PORT/HTTPS_PORT: use the port setters. */
    public LibertyServerBuilder env(String key, String value) {
        env.put(checkKey(key), checkValue(value));
        return this;
    }

    public LibertyServerBuilder env(String key, int value) {
        return env(key, Integer.toString(value));
    }

    public LibertyServerBuilder env(Map<String, String> variables) {
        variables.forEach(this::env);
        return this;
    }

    /** A fixed HTTP port instead of a free one. */
    public LibertyServerBuilder httpPort(int port) {
        this.httpPort = checkPort(port);
        return this;
    }

    /** A fixed HTTPS port instead of a free one. */
    public LibertyServerBuilder httpsPort(int port) {
        this.httpsPort = checkPort(port);
        return this;
    }

    /** The application whose CWWKZ0001I means "started"; {@value LibertyServer#DEFAULT_APP_NAME} by default. */
    public LibertyServerBuilder appName(String appName) {
        this.appName = Objects.requireNonNull(appName);
        return this;
    }

    public LibertyServerBuilder startTimeout(Duration timeout) {
        this.startTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How long {@code server stop} may take (Liberty's default quiesce is 30 s). */
    public LibertyServerBuilder stopTimeout(Duration timeout) {
        this.stopTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** Runtime, config, EAR and work dir; by default from the failsafe system properties. */
    public LibertyServerBuilder installation(LibertyInstallation installation) {
        this.installation = Objects.requireNonNull(installation);
        return this;
    }

    /**
     * Picks the ports and creates the server under {@code test.work.dir/<name>}, replacing any earlier server
     * of that name there (one left running by an aborted run is killed first).
     */
    public LibertyServer build() {
        LibertyInstallation inst = installation != null ? installation : LibertyInstallation.fromSystemProperties();
        int http = httpPort != 0 ? httpPort : FreePorts.next();
        int https = httpsPort != 0 ? httpsPort : FreePorts.next();
        return new LibertyServer(inst, name, appName, env, http, https, startTimeout, stopTimeout);
    }

    static String checkKey(String key) {
        if (key == null || !ENV_KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("environment variable name must match " + ENV_KEY + ": " + key);
        }
        if (key.equals("HTTP_PORT") || key.equals("HTTPS_PORT")) {
            // the server's httpPort()/baseUrl() must always tell the truth
            throw new IllegalArgumentException("set " + key + " with httpPort()/httpsPort() on the builder");
        }
        return key;
    }

    /** server.env holds one variable per line, taken literally: a line break cannot be represented. */
    static String checkValue(String value) {
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("environment values cannot contain line breaks: " + value);
        }
        return value;
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        return port;
    }
}
