package io.practicalsystems.platform.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * N Liberty servers from one build, each with its own ports, directories and settings.
 *
 * <pre>{@code
 * try (LibertyCluster cluster = LibertyCluster.of(3, (i, node) -> node.env("PS_IDGEN_WORKER_ID", i))) {
 *     cluster.startAll();
 *     Http.get(cluster.get(0).baseUrl() + "/api/ping");
 * }
 * }</pre>
 *
 * Indexes are 0-based everywhere: {@code get(i)}, the customiser's {@code i}, and the default names
 * {@code node0 .. node<N-1>}.
 */
public final class LibertyCluster implements AutoCloseable {

    private final List<LibertyServer> servers;

    private LibertyCluster(List<LibertyServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /** {@code size} servers named {@code node0..}, each customised with its index (e.g. its own worker ID). */
    public static LibertyCluster of(int size, BiConsumer<Integer, LibertyServerBuilder> customizer) {
        return of(size, i -> {
            LibertyServerBuilder builder = LibertyServer.builder("node" + i);
            customizer.accept(i, builder);
            return builder;
        });
    }

    /** {@code size} servers, each described by {@code builderForIndex} (names must differ). */
    public static LibertyCluster of(int size, IntFunction<LibertyServerBuilder> builderForIndex) {
        if (size < 1) {
            throw new IllegalArgumentException("a cluster needs at least one server: " + size);
        }
        List<LibertyServer> created = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                LibertyServerBuilder builder = builderForIndex.apply(i);
                if (created.stream().anyMatch(s -> s.name().equals(builder.name()))) {
                    throw new IllegalArgumentException("two servers named " + builder.name()
                            + ": they would share a directory");
                }
                created.add(builder.build());
            }
        } catch (RuntimeException e) {
            created.forEach(LibertyServer::close); // none started yet, but keep the contract: nothing left behind
            throw e;
        }
        return new LibertyCluster(created);
    }

    /**
     * Starts every server in parallel and returns when all have started. If any fails, the others are still
     * started (or failed) before this throws, with every failure attached; {@link #close()} stops them.
     */
    public void startAll() {
        forEachInParallel(LibertyServer::start, "start");
    }

    /** Graceful stop of every server, in parallel. */
    public void stopAll() {
        forEachInParallel(LibertyServer::stop, "stop");
    }

    /** Polls every server's {@code /health/ready} until all answer 200. */
    public void awaitAllReady() {
        forEachInParallel(LibertyServer::awaitReady, "become ready");
    }

    public LibertyServer get(int index) {
        return servers.get(index);
    }

    public List<LibertyServer> servers() {
        return servers;
    }

    public int size() {
        return servers.size();
    }

    /** Stops (or kills) every server, in parallel; throws only if some server could not even be killed. */
    @Override
    public void close() {
        forEachInParallel(LibertyServer::close, "close");
    }

    /**
     * One thread per server: Liberty start-up is mostly waiting on I/O and class loading, so even on 2 cores N
     * parallel starts finish well before N sequential ones.
     */
    private void forEachInParallel(Consumer<LibertyServer> action, String what) {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size(), r -> {
            Thread t = new Thread(r, "liberty-cluster-" + what);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (LibertyServer server : servers) {
                futures.add(pool.submit(() -> action.accept(server)));
            }
            IllegalStateException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = new IllegalStateException("could not " + what + " all servers; first failure ("
                                + servers.get(i).name() + "): " + e.getCause().getMessage(), e.getCause());
                    } else {
                        failure.addSuppressed(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to " + what + " servers", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }

    @Override
    public String toString() {
        return "LibertyCluster" + servers;
    }
}
