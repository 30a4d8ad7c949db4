package io.practicalsystems.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.platform.redis.RedisBackend;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The limiter as a whole: real Redis when it is there, failing open when it is not. */
class RateLimiterTest {

    private static final Duration SHORT = Duration.ofMillis(150);

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(RateLimiter.class.getName());
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void cleanUp() throws Exception {
        log.removeHandler(capture);
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private RateLimiter limiterAt(String uri, String prefix) {
        RedisClient client = RedisBackend.pooledClient(uri, SHORT, 4);
        toClose.add(client);
        RateLimitPolicies policies = RateLimitPolicies.of(new TokenBucketPolicy("create", 2, 0.01));
        RedisOutage outage = new RedisOutage(Duration.ZERO, Duration.ofSeconds(30), System::nanoTime);
        return new RateLimiter(new RedisTokenBucket(client, prefix), policies, outage,
                new TokenLeases(50, 1000, System::nanoTime));
    }

    @Test
    void enforcesThePolicyOnTheRealRedis() {
        String prefix = RealRedis.uniquePrefix();
        RateLimiter limiter = limiterAt(RealRedis.URL, prefix);
        try {
            assertThat(limiter.tryAcquire("create", "ip:198.51.100.1")).get()
                    .extracting(RateLimitDecision::allowed, RateLimitDecision::remaining).containsExactly(true, 1L);
            assertThat(limiter.tryAcquire("create", "ip:198.51.100.1")).get()
                    .extracting(RateLimitDecision::allowed).isEqualTo(true);
            assertThat(limiter.tryAcquire("create", "ip:198.51.100.1")).get()
                    .extracting(RateLimitDecision::allowed).isEqualTo(false);
            assertThat(limiter.policy("create").windowSeconds()).isEqualTo(200);
            assertThat(logged).isEmpty();
        } finally {
            try (RedisClient redis = RealRedis.newServerPool()) {
                RealRedis.deleteKeys(redis, prefix);
            }
        }
    }

    @Test
    void failsOpenWhenNothingListensAndWarnsOnlyOnce() throws IOException {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        RateLimiter limiter = limiterAt("redis://127.0.0.1:" + deadPort, RealRedis.uniquePrefix());
        for (int i = 0; i < 20; i++) {
            assertThat(limiter.tryAcquire("create", "ip:198.51.100.2")).as("request %d", i).isEmpty();
        }
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).getLevel()).isEqualTo(Level.WARNING);
        assertThat(logged.get(0).getMessage()).contains("failing OPEN");
    }

    @Test
    void failsOpenWithinTheShortTimeoutWhenRedisDoesNotAnswer() throws Exception {
        // Accepts connections and never replies: a hung Redis, or one behind a dropped route.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            RateLimiter limiter = limiterAt("redis://127.0.0.1:" + silent.getLocalPort(), RealRedis.uniquePrefix());

            long start = System.nanoTime();
            Optional<RateLimitDecision> decision = limiter.tryAcquire("create", "ip:198.51.100.3");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(decision).isEmpty();
            assertThat(took).isLessThan(Duration.ofSeconds(2)); // 150 ms timeout, generous for a loaded machine
            assertThat(logged).hasSize(1);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aBadPolicyOrClientKeyIsAnErrorNotAnOutage() {
        RateLimiter limiter = limiterAt("redis://127.0.0.1:1", RealRedis.uniquePrefix());
        assertThatThrownBy(() -> limiter.tryAcquire("Create", "ip:198.51.100.4"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> limiter.tryAcquire("create", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(logged).isEmpty();
    }
}
