package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.node.Scheduler;
import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The answering end of one WebSocket peer link, from the upgrade to the close.
 *
 * <ol>
 * <li>Opened: frames are limited to {@link PeerLinkSettings#UNAUTHENTICATED_MAX_BYTES}, and the server sends a
 * challenge — a fresh random nonce and its node id.</li>
 * <li>The first frame must be a hello whose proof ({@link PeerKey#clientProof}) covers that nonce; anything else —
 * a wrong proof, a proof captured on another link, a bigger frame, silence past
 * {@link PeerLinkSettings#authTimeout} — closes the link with 1008 (policy violation).</li>
 * <li>Admitted: the server proves itself in a welcome ({@link PeerKey#serverProof}), the frame limit rises to
 * {@link PeerLinkSettings#maxMessageBytes} and the idle timeout becomes {@link PeerLinkSettings#idleTimeout};
 * every later frame is a request, answered on the same link.</li>
 * </ol>
 */
public final class PeerLinkSession {

    /** 1008: policy violation; 1009: message too big (RFC 6455). */
    public static final int POLICY_VIOLATION = 1008;
    public static final int TOO_BIG = 1009;
    private static final Logger LOG = Logger.getLogger(PeerLinkSession.class.getName());

    /** What a session needs of its socket; the web module adapts the WebSocket container's session. */
    public interface Connection {

        /** Sends one binary message; must be safe to call from several threads. */
        void send(ByteBuffer message);

        void close(int code, String reason);

        /** The largest message the container accepts, and how long the link may stay silent. */
        void limit(int maxMessageBytes, Duration idleTimeout);
    }

    private final PeerServer server;
    private final Connection connection;
    private final byte[] nonce;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean admitted;
    private volatile String peer = "?";
    private Scheduler.Cancellable deadline;

    PeerLinkSession(PeerServer server, Connection connection, byte[] nonce) {
        this.server = server;
        this.connection = connection;
        this.nonce = nonce;
    }

    void start() {
        if (server.key().isEmpty()) {
            close(POLICY_VIOLATION, "no cluster secret is configured on this node: it accepts no peers");
            return;
        }
        Duration authTimeout = server.limits().authTimeout();
        connection.limit(PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES, authTimeout);
        synchronized (this) {
            deadline = server.scheduler().schedule(authTimeout, this::deadlinePassed);
        }
        connection.send(PeerFrames.challenge(nonce, server.self().value()));
    }

    public boolean isAdmitted() {
        return admitted;
    }

    /** One whole message from the peer. The buffer is not used after this returns. */
    public void message(ByteBuffer message) {
        if (closed.get()) {
            return;
        }
        if (admitted) {
            // Copied: the container may reuse its buffer once this returns; run off the socket's read thread.
            ByteBuffer request = ByteBuffer.allocate(message.remaining()).put(message.duplicate()).flip();
            server.requests().execute(() -> server.answer(request).thenAccept(connection::send));
            return;
        }
        if (message.remaining() > PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES) {
            close(TOO_BIG, "a frame before authentication is limited to "
                    + PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES + " bytes");
            return;
        }
        authenticate(message);
    }

    /** The container's own closing (the peer went away, idle timeout): nothing more is sent. */
    public void closed() {
        closed.set(true);
        cancelDeadline();
    }

    /** The handshake's deadline: a link still not admitted is closed. */
    void deadlinePassed() {
        if (!admitted) {
            close(POLICY_VIOLATION, "no authentication within " + server.limits().authTimeout().toMillis() + " ms");
        }
    }

    private void authenticate(ByteBuffer message) {
        PeerKey key = server.key().orElseThrow();
        Optional<PeerFrames.Hello> hello = parsed(message);
        if (hello.isEmpty()) {
            close(POLICY_VIOLATION, "the first frame must be a hello answering the challenge");
            return;
        }
        PeerKey.Handshake handshake = new PeerKey.Handshake(nonce, server.self().value(), hello.get().nonce(),
                hello.get().clientId());
        if (!PeerKey.matches(key.clientProof(handshake), hello.get().proof())) {
            close(POLICY_VIOLATION, "authentication failed");
            return;
        }
        peer = hello.get().clientId();
        admitted = true;
        cancelDeadline();
        connection.limit(server.limits().maxMessageBytes(), server.limits().idleTimeout());
        connection.send(PeerFrames.welcome(key.serverProof(handshake)));
    }

    private static Optional<PeerFrames.Hello> parsed(ByteBuffer message) {
        try {
            return Optional.of(PeerFrames.hello(message));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            cancelDeadline();
            LOG.fine(() -> "closing peer link from " + peer + ": " + code + " " + reason);
            connection.close(code, reason);
        }
    }

    private synchronized void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel();
        }
    }
}
