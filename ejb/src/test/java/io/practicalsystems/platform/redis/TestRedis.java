package io.practicalsystems.platform.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * The Redis the unit tests talk to, chosen once per test JVM: {@code -Dredis.url} or {@code REDIS_URL} when set;
 * else this machine's Redis on 127.0.0.1:6379 when it answers (as in CI); else a real redis-server started here
 * on a free port (the one the app embeds), so the tests also pass on a machine without Redis. Says which, once.
 */
public final class TestRedis {

    private static final int DEFAULT_PORT = 6379;

    private TestRedis() {
    }

    public static String url() {
        return Holder.URL;
    }

    /** Initialization-on-demand: the first caller pays for the probe (and any embedded start), once. */
    private static final class Holder {
        static final String URL = choose();
    }

    private static String choose() {
        String configured = System.getProperty("redis.url", System.getenv("REDIS_URL"));
        String url;
        String origin;
        if (configured != null && !configured.isBlank()) {
            url = configured;
            origin = "configured";
        } else if (answers(DEFAULT_PORT)) {
            url = "redis://127.0.0.1:" + DEFAULT_PORT;
            origin = "real";
        } else {
            int port = freePort();
            RedisServer server = RedisBackend.startEmbedded(port, Path.of("target", "test-redis"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "test-redis-stop"));
            url = "redis://127.0.0.1:" + port;
            origin = "embedded redis-server: nothing answered on 127.0.0.1:" + DEFAULT_PORT;
        }
        System.out.println("Unit-test services: Redis " + url + " (" + origin + ")");
        return url;
    }

    private static boolean answers(int port) {
        try (Jedis jedis = new Jedis("127.0.0.1", port, 1000)) {
            return "PONG".equals(jedis.ping());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(RedisServer server) {
        try {
            server.stop();
        } catch (IOException | RuntimeException e) {
            System.err.println("embedded redis-server did not stop cleanly: " + e);
        }
    }
}
