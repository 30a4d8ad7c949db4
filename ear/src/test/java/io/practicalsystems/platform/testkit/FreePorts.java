package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * TCP ports nobody is listening on, for servers (and the embedded services inside them) that must not collide.
 *
 * <p>A port is only known to be free at the moment it is probed, and a server binds it up to minutes later. Three
 * measures keep that race harmless:
 * <ul>
 * <li>On Linux, ports come from below the kernel's ephemeral range ({@code ip_local_port_range}), which the kernel
 * never gives to an outgoing connection's local end. A port from inside it could be taken meanwhile by any client
 * socket — a CI run once lost a cluster start to a connection that got the port probed for the third node.</li>
 * <li>The probe binds the wildcard address, as Liberty's {@code host="*"} endpoint does, so a port used on any
 * interface is skipped.</li>
 * <li>Every port handed out is remembered for the life of the test JVM, so two servers of one test run never get
 * the same port.</li>
 * </ul>
 */
public final class FreePorts {

    /** The lowest port handed out below the ephemeral range: above the well-known and most registered services. */
    static final int LOWEST = 10_000;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port that is free now and was not handed out before in this JVM. */
    public static synchronized int next() {
        Optional<Integer> ephemeralStart = ephemeralStart().filter(start -> start > LOWEST + 1_000);
        for (int attempt = 0; attempt < 200; attempt++) {
            Optional<Integer> port = ephemeralStart.isPresent()
                    ? ifFree(ThreadLocalRandom.current().nextInt(LOWEST, ephemeralStart.get()))
                    : Optional.of(anyFreePort());
            if (port.isPresent() && HANDED_OUT.add(port.get())) {
                return port.get();
            }
        }
        throw new IllegalStateException("no unused free port found in 200 attempts");
    }

    /** The first port of the kernel's ephemeral range, where the kernel says (Linux). */
    static Optional<Integer> ephemeralStart() {
        try {
            // readAllLines, not readString: procfs reports a size of 0, and readString returned one byte of it
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Optional.of(Integer.parseInt(range[0]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Integer> ifFree(int port) {
        try (ServerSocket socket = probeSocket()) {
            socket.bind(new InetSocketAddress(port));
            return Optional.of(port);
        } catch (IOException e) {
            return Optional.empty(); // in use, or in TIME_WAIT
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = probeSocket()) {
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a probe socket", e);
        }
    }

    /**
     * SO_REUSEADDR off (Java turns it on by default), set before binding: a port still in TIME_WAIT from an earlier
     * server is then not reported as free.
     */
    private static ServerSocket probeSocket() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(false);
        return socket;
    }
}
