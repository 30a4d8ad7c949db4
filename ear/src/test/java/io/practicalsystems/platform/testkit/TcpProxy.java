package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A fault-injecting TCP proxy between a server and a backing service (MariaDB, Redis): {@link #cut()} closes
 * every open connection and refuses new ones — the service "goes down" for that server only, for real, at the
 * socket level — and {@link #restore()} brings it back.
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile byte[] watched = new byte[0];
    private volatile boolean carriedWatched;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open proxy port", e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection and refuses (closes at once) new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    /** From now on, notes whether {@code bytes} ever pass through, in either direction ({@link #carried()}). */
    public void watchFor(byte[] bytes) {
        watched = bytes.clone();
    }

    /** Whether the bytes given to {@link #watchFor} passed through since. */
    public boolean carried() {
        return carriedWatched;
    }

    @Override
    public void close() {
        cut();
        closeQuietly(listener);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(targetHost, targetPort), 2000);
                open.add(client);
                open.add(upstream);
                pump(client, upstream);
                pump(upstream, client);
            } catch (IOException e) {
                // listener closed, or the target refused: the client sees a closed connection
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            byte[] tail = new byte[0]; // the end of the last read: watched bytes may span two reads
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    tail = watch(tail, buffer, n);
                }
            } catch (IOException e) {
                // connection closed on either side
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private byte[] watch(byte[] tail, byte[] buffer, int n) {
        byte[] needle = watched;
        if (needle.length == 0) {
            return tail;
        }
        byte[] seen = new byte[tail.length + n];
        System.arraycopy(tail, 0, seen, 0, tail.length);
        System.arraycopy(buffer, 0, seen, tail.length, n);
        for (int i = 0; i + needle.length <= seen.length; i++) {
            if (java.util.Arrays.equals(seen, i, i + needle.length, needle, 0, needle.length)) {
                carriedWatched = true;
                break;
            }
        }
        int keep = Math.min(needle.length - 1, seen.length);
        return java.util.Arrays.copyOfRange(seen, seen.length - keep, seen.length);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
