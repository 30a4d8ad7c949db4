package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.HostAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The addresses of this server's own network interfaces (a link to any of them would come back here), re-read at
 * most once a minute: addresses change (DHCP, container networks), and reading them costs a few system calls.
 */
@ApplicationScoped
public class ServerAddresses {

    private static final Logger LOG = Logger.getLogger(ServerAddresses.class.getName());
    private static final long REFRESH_NANOS = 60_000_000_000L;

    private record Snapshot(Set<InetAddress> addresses, long readAtNanos) {
    }

    private volatile Snapshot snapshot;

    public Set<InetAddress> current() {
        Snapshot last = snapshot;
        long now = System.nanoTime();
        if (last == null || now - last.readAtNanos() > REFRESH_NANOS) {
            last = new Snapshot(read(last), now);
            snapshot = last;
        }
        return last.addresses();
    }

    /** On failure the previous addresses stay (loopback and unspecified are refused by the policy regardless). */
    private static Set<InetAddress> read(Snapshot previous) {
        try {
            return NetworkInterface.networkInterfaces().flatMap(NetworkInterface::inetAddresses)
                    .map(HostAddresses::canonical).collect(Collectors.toUnmodifiableSet());
        } catch (SocketException e) {
            LOG.log(Level.WARNING, "cannot list this server's network interfaces; links to its own non-loopback "
                    + "addresses are refused only if listed in PS_SHORTENER_SELF_HOSTS", e);
            return previous == null ? Set.of() : previous.addresses();
        }
    }
}
