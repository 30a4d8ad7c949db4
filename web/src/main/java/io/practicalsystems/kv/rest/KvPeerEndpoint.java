package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.application.KvUnavailableException;
import io.practicalsystems.kv.peer.client.WebSocketNodeTransport;
import io.practicalsystems.kv.peer.server.PeerLinkSession;
import io.practicalsystems.kv.peer.server.SerialSender;
import jakarta.ejb.EJB;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The callee's end of a WebSocket peer link ({@link WebSocketNodeTransport}): the socket for a
 * {@link PeerLinkSession}, which authenticates the caller and answers its requests. An upgrade that carries an
 * {@code Origin} header is refused (403) before any of that: peers are servers and send none, while a browser always
 * does — so no web page can open a peer link, whatever it knows.
 */
@ServerEndpoint(value = WebSocketNodeTransport.PATH, configurator = KvPeerEndpoint.NoBrowsers.class)
public class KvPeerEndpoint {

    private static final Logger LOG = Logger.getLogger(KvPeerEndpoint.class.getName());
    private static final String LINK = "kv.peer.link";
    /** The container's cap; {@link PeerLinkSession} lowers it until the peer is authenticated. */
    private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    @EJB
    KvService kv;

    @OnOpen
    public void open(Session session) {
        try {
            session.getUserProperties().put(LINK, kv.peers().open(new Socket(session)));
        } catch (KvUnavailableException e) {
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER.getCode(), "the key-value store is unavailable");
        }
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(ByteBuffer message, Session session) {
        if (session.getUserProperties().get(LINK) instanceof PeerLinkSession link) {
            link.message(message);
        }
    }

    @OnClose
    public void closed(Session session) {
        if (session.getUserProperties().get(LINK) instanceof PeerLinkSession link) {
            link.closed();
        }
    }

    /** Refuses an upgrade with an {@code Origin} header: only browsers send one, and no browser is a peer. */
    public static class NoBrowsers extends ServerEndpointConfig.Configurator {
        @Override
        public boolean checkOrigin(String origin) {
            return origin == null || origin.isEmpty();
        }
    }

    /** The container's session as a {@link PeerLinkSession.Connection}; one write at a time ({@link SerialSender}). */
    private static final class Socket implements PeerLinkSession.Connection {
        private final Session session;
        private final SerialSender<ByteBuffer> sender;

        Socket(Session session) {
            this.session = session;
            this.sender = new SerialSender<>(this::write,
                    e -> LOG.fine("peer link closed before a message could be sent: " + e));
        }

        @Override
        public void send(ByteBuffer message) {
            sender.send(message);
        }

        private void write(ByteBuffer message) {
            try {
                session.getBasicRemote().sendBinary(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close(int code, String reason) {
            KvPeerEndpoint.close(session, code, reason);
        }

        @Override
        public void limit(int maxMessageBytes, Duration idleTimeout) {
            session.setMaxBinaryMessageBufferSize(maxMessageBytes);
            session.setMaxIdleTimeout(idleTimeout.toMillis());
        }
    }

    private static void close(Session session, int code, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
        } catch (IOException | IllegalStateException e) {
            LOG.fine("closing a peer link: " + e);
        }
    }
}
