package io.practicalsystems.crawler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisServer;

/**
 * A redis-server (the embedded-redis binary) of one test's own, on a fixed port with its append-only file in a fixed
 * directory, that the test can SIGKILL and start again on the same data. {@code appendfsync always}: every write is
 * on disk before Redis answers it, so a kill -9 loses nothing that a client was told had happened (with the default
 * {@code everysec} up to a second of acknowledged writes could vanish).
 */
final class RestartableRedis implements AutoCloseable {

    private final int port;
    private final Path dir;
    private RedisServer server;
    private ProcessHandle process;

    RestartableRedis(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    synchronized void start() {
        Set<Long> before = children();
        try {
            server = RedisServer.newRedisServer().port(port).bind("127.0.0.1")
                    .setting("dir " + dir.toAbsolutePath())
                    .setting("appendonly yes")
                    .setting("appendfsync always")
                    .build();
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server did not start on port " + port, e);
        }
        List<ProcessHandle> started = ProcessHandle.current().children()
                .filter(p -> !before.contains(p.pid()))
                .filter(p -> p.info().command().map(c -> c.contains("redis")).orElse(false)).toList();
        if (started.size() != 1) {
            throw new IllegalStateException("expected one new redis-server process, found " + started);
        }
        process = started.get(0);
    }

    /** SIGKILL, like a crash; returns when the process is gone. */
    synchronized void kill() {
        process.destroyForcibly();
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("redis-server " + process.pid() + " did not die", e);
        }
        try {
            server.stop(); // the process is gone; this only releases embedded-redis's own resources
        } catch (IOException | RuntimeException ignored) {
            // nothing left to stop
        }
    }

    /** How many keys Redis holds (to show the restart found its data). */
    long keys() {
        try (Jedis jedis = new Jedis("127.0.0.1", port, 2000)) {
            return jedis.dbSize();
        }
    }

    private static Set<Long> children() {
        return ProcessHandle.current().children().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
