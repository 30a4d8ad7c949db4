package io.practicalsystems.platform.testkit;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The running shared server, as kept in the root context's store: JUnit closes it (stopping the server) when the
 * run ends. A class that stopped or killed it would break every class after it, so handing it out checks that it
 * still runs and names the likely culprit otherwise.
 */
final class SharedServerResource implements AutoCloseable {

    /** Runs within a run (LibertyServersIT's) get servers of other names: a name is a directory, reused = killed. */
    private static final AtomicInteger STARTED = new AtomicInteger();

    private final LibertyServer server;
    private String lastUser = "nobody yet";

    private SharedServerResource(LibertyServer server) {
        this.server = server;
    }

    /** Builds, starts and awaits readiness of a server with {@link TestServers#shared(String)}'s settings. */
    static SharedServerResource start() {
        int number = STARTED.incrementAndGet();
        LibertyServer server = TestServers.shared(number == 1 ? "shared" : "shared-" + number).build();
        try {
            server.start();
            server.awaitReady();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new SharedServerResource(server);
    }

    LibertyServer serverFor(String testClass) {
        if (!server.isRunning()) {
            throw new IllegalStateException("the shared server " + server + " is not running; the last class that"
                    + " used it was " + lastUser + ". Classes that stop, kill or restart a server take OwnServers.");
        }
        lastUser = testClass;
        return server;
    }

    @Override
    public void close() {
        server.close();
    }
}
