package io.practicalsystems.platform.redis;

import io.practicalsystems.platform.BackendChoice;
import io.practicalsystems.platform.BackendMode;
import io.practicalsystems.platform.PortProbe;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.embedded.RedisServer;

/**
 * The one Redis connection pool of this server, and — when nothing is configured and nothing answers on
 * the default port — the embedded redis-server it talks to, which stops with Liberty.
 *
 * <p>Configuration: {@code ps.redis.url} (env PS_REDIS_URL, e.g. redis://:password@cache:6379/0) selects an
 * external Redis; without it the default is 127.0.0.1:{@code ps.embedded.redis.port} (default 6379).
 */
@Singleton(name = "RedisBackend")
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class RedisBackend {

    private static final Logger LOG = Logger.getLogger(RedisBackend.class.getName());

    @Inject
    @ConfigProperty(name = "ps.redis.url")
    Optional<String> configuredUrl;

    @Inject
    @ConfigProperty(name = "ps.embedded.redis.port", defaultValue = "6379")
    int embeddedPort;

    @Inject
    @ConfigProperty(name = "ps.redis.timeout.ms", defaultValue = "2000")
    int timeoutMillis;

    /** For request paths that must not wait on a slow Redis (caches, rate limits): they fall back instead. */
    @Inject
    @ConfigProperty(name = "ps.redis.low-latency.timeout.ms", defaultValue = "200")
    int lowLatencyTimeoutMillis;

    /** Size of the low-latency pool; borrowing from it also gives up after its timeout instead of queueing. */
    @Inject
    @ConfigProperty(name = "ps.redis.low-latency.max-connections", defaultValue = "32")
    int lowLatencyMaxConnections;

    @Inject
    @ConfigProperty(name = "ps.data.dir", defaultValue = "target/data")
    String dataDir;

    private BackendChoice choice;
    private RedisServer embedded;
    private RedisClient client;
    private RedisClient lowLatencyClient;

    @PostConstruct
    void start() {
        choice = BackendChoice.resolve("redis", "redis", configuredUrl, embeddedPort, PortProbe::answersOnLoopback);
        if (choice.startEmbedded()) {
            embedded = startEmbedded(choice.port(), Path.of(dataDir, "redis"));
        }
        client = connect(timeoutMillis);
        lowLatencyClient = pooledClient(choice.uri(), Duration.ofMillis(lowLatencyTimeoutMillis),
                lowLatencyMaxConnections);
        LOG.info("Redis backend: " + choice.description());
    }

    private RedisClient connect(int timeout) {
        return RedisClient.builder()
                .fromURI(choice.uri())
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(timeout)
                        .socketTimeoutMillis(timeout)
                        .build())
                .build();
    }

    /**
     * Starts a real redis-server (from embedded-redis) on 127.0.0.1:{@code port}, keeping its append-only file in
     * {@code dataDir}, so embedded data survives a restart like a real one. Also what the tests start on a machine
     * without Redis.
     */
    public static RedisServer startEmbedded(int port, Path dataDir) {
        try {
            Path dir = Files.createDirectories(dataDir);
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .build();
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded redis-server on port " + port, e);
        }
    }

    @PreDestroy
    void stop() {
        if (client != null) {
            client.close();
        }
        if (lowLatencyClient != null) {
            lowLatencyClient.close();
        }
        if (embedded != null) {
            try {
                embedded.stop();
                LOG.info("embedded redis-server on port " + choice.port() + " stopped");
            } catch (IOException e) {
                LOG.warning("embedded redis-server did not stop cleanly: " + e);
            }
        }
    }

    /** The shared, pooled, thread-safe client. */
    public UnifiedJedis client() {
        return client;
    }

    /** A second pool with a short timeout ({@code ps.redis.low-latency.timeout.ms}) for latency-critical paths. */
    public UnifiedJedis lowLatencyClient() {
        return lowLatencyClient;
    }

    /**
     * A pooled client whose every wait is bounded by {@code timeout}: connecting, each reply, and borrowing a
     * connection from an exhausted pool (commons-pool's default is to wait forever, which would turn a slow Redis
     * into unbounded queueing on a path that is meant to give up quickly).
     */
    public static RedisClient pooledClient(String uri, Duration timeout, int maxConnections) {
        int millis = Math.toIntExact(timeout.toMillis());
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(maxConnections);
        pool.setMaxIdle(maxConnections);
        pool.setMaxWait(timeout);
        return RedisClient.builder()
                .fromURI(uri)
                .clientConfig(DefaultJedisClientConfig.builder()
                        .connectionTimeoutMillis(millis)
                        .socketTimeoutMillis(millis)
                        .build())
                .poolConfig(pool)
                .build();
    }

    public String description() {
        return choice.description();
    }

    public BackendMode mode() {
        return choice.mode();
    }
}
