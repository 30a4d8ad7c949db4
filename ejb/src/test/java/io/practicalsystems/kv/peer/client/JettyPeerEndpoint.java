package io.practicalsystems.kv.peer.client;

import io.practicalsystems.kv.peer.server.PeerLinkSession;
import io.practicalsystems.kv.peer.server.PeerServer;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The answering end of peer links in a test: a real WebSocket server (Jetty) at {@link WebSocketNodeTransport#PATH}
 * that hands every socket to a {@link PeerServer}, as the web module's {@code KvPeerEndpoint} does in Liberty. Public,
 * with its listener, because Jetty reaches the listener's methods through method handles.
 */
public final class JettyPeerEndpoint implements AutoCloseable {

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    JettyPeerEndpoint(PeerServer peers) throws Exception {
        server.setStopTimeout(0); // a test server: nothing to drain
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container -> container.addMapping(
                WebSocketNodeTransport.PATH, (request, response, callback) -> new Link(peers))));
        server.setHandler(context);
        server.start();
    }

    /** {@code http://127.0.0.1:port}, as a node's address. */
    String address() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }

    /** One socket: its messages go to its {@link PeerLinkSession}, what the session sends goes out on it. */
    public static final class Link implements Session.Listener.AutoDemanding, PeerLinkSession.Connection {
        private final PeerServer peers;
        private volatile Session socket;
        private volatile PeerLinkSession session;

        Link(PeerServer peers) {
            this.peers = peers;
        }

        @Override
        public void onWebSocketOpen(Session socket) {
            this.socket = socket;
            session = peers.open(this);
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            ByteBuffer message = ByteBuffer.allocate(payload.remaining()).put(payload).flip();
            callback.succeed();
            session.message(message);
        }

        @Override
        public void onWebSocketClose(int code, String reason, Callback callback) {
            if (session != null) {
                session.closed();
            }
            callback.succeed();
        }

        @Override
        public synchronized void send(ByteBuffer message) { // one send at a time, as in KvPeerEndpoint
            socket.sendBinary(message, Callback.NOOP);
        }

        @Override
        public void close(int code, String reason) {
            socket.close(code, reason, Callback.NOOP);
        }

        @Override
        public void limit(int maxMessageBytes, Duration idleTimeout) {
            socket.setMaxBinaryMessageSize(maxMessageBytes);
            socket.setIdleTimeout(idleTimeout);
        }
    }
}
