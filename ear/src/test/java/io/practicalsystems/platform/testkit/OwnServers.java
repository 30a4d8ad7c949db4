package io.practicalsystems.platform.testkit;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The servers, clusters and proxies one IT class owns, handed out by {@link LibertyServers}: everything given
 * to it is closed, newest first (a server before the proxy it talks through), when the class is done. So classes
 * that need isolation keep no {@code @AfterAll} of their own just to stop servers.
 *
 * <pre>{@code
 * @BeforeAll
 * void start(OwnServers servers) {
 *     server = servers.start(TestServers.realServices("idgen-clock").env("PS_IDGEN_WORKER_ID", 1017));
 * }
 * }</pre>
 */
public final class OwnServers implements AutoCloseable {

    private final Deque<AutoCloseable> owned = new ArrayDeque<>();

    OwnServers() {
    }

    /** Builds the server, starts it and waits until {@code /health/ready} answers 200. */
    public LibertyServer start(LibertyServerBuilder builder) {
        LibertyServer server = build(builder);
        server.start();
        server.awaitReady();
        return server;
    }

    /** Builds the server without starting it: for tests that start it themselves (e.g. one that must not get ready). */
    public LibertyServer build(LibertyServerBuilder builder) {
        return closeWhenDone(builder.build());
    }

    /** Starts every server of the cluster in parallel and waits until all are ready. */
    public LibertyCluster start(LibertyCluster cluster) {
        closeWhenDone(cluster);
        cluster.startAll();
        cluster.awaitAllReady();
        return cluster;
    }

    /** Anything else the class must close at its end (a cluster it starts itself, a proxy, a client). */
    public <T extends AutoCloseable> T closeWhenDone(T resource) {
        synchronized (owned) {
            owned.push(resource);
        }
        return resource;
    }

    /** Closes everything, newest first; one failure does not keep the others open. */
    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (true) {
            AutoCloseable next;
            synchronized (owned) {
                next = owned.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
