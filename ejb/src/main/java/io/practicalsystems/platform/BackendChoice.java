package io.practicalsystems.platform;

import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Where a backing service (Redis, MongoDB) is reached, and whether this server must start an embedded one.
 *
 * <p>The rule, identical for every service: an explicitly configured URL is always used as is and nothing
 * embedded ever starts (a misconfigured production address must fail loudly, not silently fall back to a
 * throw-away local server). With nothing configured, the service's default loopback port is probed; if
 * something answers there it is used, otherwise an embedded server is started on that port.
 *
 * @param uri            the address clients connect to
 * @param startEmbedded  whether this server must start (and later stop) an embedded server on {@code port}
 * @param port           the loopback port of the default address; -1 when the address was configured
 * @param description    one line for the logs and health output, e.g. "embedded redis-server on 127.0.0.1:6379"
 */
public record BackendChoice(String uri, boolean startEmbedded, int port, String description) {

    public static BackendChoice resolve(String service, String scheme, Optional<String> configuredUri,
                                        int defaultPort, IntPredicate answersOnLoopback) {
        if (configuredUri.isPresent() && !configuredUri.get().isBlank()) {
            String uri = configuredUri.get().trim();
            return new BackendChoice(uri, false, -1, "external " + service + " at " + redactCredentials(uri)
                    + " (configured)");
        }
        if (defaultPort < 1 || defaultPort > 65535) {
            throw new IllegalArgumentException(service + ": default port out of range: " + defaultPort);
        }
        String uri = scheme + "://127.0.0.1:" + defaultPort;
        if (answersOnLoopback.test(defaultPort)) {
            return new BackendChoice(uri, false, defaultPort,
                    "local " + service + " already answering on 127.0.0.1:" + defaultPort + " (nothing configured)");
        }
        return new BackendChoice(uri, true, defaultPort,
                "embedded " + service + " on 127.0.0.1:" + defaultPort + " (nothing configured, nothing answering)");
    }

    /** Embedded if this server starts it, external if configured (no default port then), else local. */
    public BackendMode mode() {
        if (startEmbedded) {
            return BackendMode.EMBEDDED;
        }
        return port == -1 ? BackendMode.EXTERNAL : BackendMode.LOCAL;
    }

    /** Never log passwords that are part of a URL (redis://user:secret@host). */
    static String redactCredentials(String uri) {
        return uri.replaceAll("(://[^:/@]*:)[^@/]*@", "$1****@");
    }
}
