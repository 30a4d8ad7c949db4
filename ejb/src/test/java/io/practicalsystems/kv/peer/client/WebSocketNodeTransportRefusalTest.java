package io.practicalsystems.kv.peer.client;

import io.practicalsystems.kv.node.NodeTransport;
import io.practicalsystems.kv.peer.server.PeerServerFixture;
import io.practicalsystems.kv.ring.NodeId;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;

/**
 * {@link WebSocketNodeTransport} over a real WebSocket to a {@code PeerServer}: the handshake, the forward frame and
 * the {@code refused} answer on the wire.
 */
class WebSocketNodeTransportRefusalTest extends ForwardRefusalContract {

    private final JettyPeerEndpoint endpoint;
    private final WebSocketNodeTransport transport;

    WebSocketNodeTransportRefusalTest() throws Exception {
        endpoint = new JettyPeerEndpoint(fixture.server);
        Function<NodeId, Optional<String>> addresses = node -> node.equals(PeerServerFixture.SERVER)
                ? Optional.of(endpoint.address()) : Optional.empty();
        HttpClient client = HttpClient.newHttpClient();
        NodeId self = NodeId.of("n2");
        HttpNodeTransport http = new HttpNodeTransport(client, fixture.jsonb, addresses, self, key, fixture.clock(),
                TIMEOUT, Map.of());
        transport = new WebSocketNodeTransport(http, client, fixture.jsonb, addresses, self, key, TIMEOUT, Map.of(),
                Runnable::run);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        endpoint.close();
    }

    @Override
    NodeTransport transport() {
        return transport;
    }
}
