package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * TCP ports nobody is listening on, for servers (and the embedded services inside them) that must not collide.
 *
 * <p>Asking the OS for an ephemeral port and closing the socket again is racy by nature: the port is only free
 * at that moment. Two measures keep the race harmless in practice: the probe binds the wildcard address, as
 * Liberty's {@code host="*"} endpoint does, so a port used on any interface is skipped; and every port handed out
 * is remembered for the life of the test JVM, so two servers of one test run never get the same port even if the
 * OS would offer it again before the first server bound it.
 */
public final class FreePorts {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that is free now and was not handed out before in this JVM. */
    public static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = probe();
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no unused free port found in 100 attempts");
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket()) {
            // SO_REUSEADDR off (Java turns it on by default), set before binding: a port still in TIME_WAIT
            // from an earlier server is then not reported as free.
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a probe socket", e);
        }
    }
}
