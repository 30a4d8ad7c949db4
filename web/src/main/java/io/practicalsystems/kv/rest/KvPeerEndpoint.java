package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.application.KvService;
import io.practicalsystems.kv.application.PeerFrames;
import io.practicalsystems.kv.application.WebSocketNodeTransport;
import jakarta.ejb.EJB;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The callee's end of a WebSocket peer link ({@link WebSocketNodeTransport}): the first message must be the cluster
 * secret, else the link is closed with 1008 (policy violation); every later message is a replica request, run on the
 * KV executor so slow store writes do not hold up the socket, and answered on the same socket.
 */
@ServerEndpoint(WebSocketNodeTransport.PATH)
public class KvPeerEndpoint {

    private static final Logger LOG = Logger.getLogger(KvPeerEndpoint.class.getName());
    private static final String ADMITTED = "kv.peer.admitted";
    private static final long MAX_MESSAGE_BYTES = 64L * 1024 * 1024;

    @EJB
    KvService kv;

    @OnOpen
    public void open(Session session) {
        session.setMaxIdleTimeout(0); // a link stays open between bursts; the caller drops it when a call times out
    }

    @OnMessage(maxMessageSize = MAX_MESSAGE_BYTES)
    public void message(ByteBuffer message, Session session) {
        if (!Boolean.TRUE.equals(session.getUserProperties().get(ADMITTED))) {
            admit(message, session);
            return;
        }
        // Copied: the container may reuse its buffer once this method returns.
        ByteBuffer request = ByteBuffer.allocate(message.remaining()).put(message).flip();
        kv.executor().execute(() -> kv.answerPeer(request).thenAccept(answer -> reply(session, answer)));
    }

    private void admit(ByteBuffer message, Session session) {
        Optional<String> secret = PeerFrames.helloSecret(message);
        if (secret.isPresent() && kv.isClusterSecret(secret.get())) {
            session.getUserProperties().put(ADMITTED, Boolean.TRUE);
            return;
        }
        close(session, "wrong or missing cluster secret");
    }

    private static void reply(Session session, ByteBuffer answer) {
        synchronized (session) { // one send at a time per socket
            try {
                session.getBasicRemote().sendBinary(answer);
            } catch (IOException | IllegalStateException e) {
                LOG.fine("peer link closed before an answer could be sent: " + e);
            }
        }
    }

    private static void close(Session session, String reason) {
        try {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, reason));
        } catch (IOException e) {
            LOG.fine("closing a refused peer link: " + e);
        }
    }
}
