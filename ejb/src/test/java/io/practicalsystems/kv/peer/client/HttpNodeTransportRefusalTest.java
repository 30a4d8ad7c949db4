package io.practicalsystems.kv.peer.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.practicalsystems.kv.node.NodeTransport;
import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.RequestSignature;
import io.practicalsystems.kv.peer.server.ForwardOutcome;
import io.practicalsystems.kv.peer.server.PeerServerFixture;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link HttpNodeTransport} against a real HTTP server that answers {@code POST /api/kv-internal/forward} as the web
 * module's {@code KvInternalResource} does: signature checked by the {@code PeerServer}, which coordinates the write;
 * a refusal is its status (409/413) with the {@link KvWire.LimitRefusal} as JSON.
 */
class HttpNodeTransportRefusalTest extends ForwardRefusalContract {

    private final HttpServer server;
    private final HttpNodeTransport transport;
    /** When set, what the server answers every forward with instead (status, body). */
    private volatile Map.Entry<Integer, String> canned;

    HttpNodeTransportRefusalTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(HttpNodeTransport.BASE + "/forward", this::forward);
        server.start();
        String address = "http://127.0.0.1:" + server.getAddress().getPort();
        transport = new HttpNodeTransport(HttpClient.newHttpClient(), fixture.jsonb,
                node -> node.equals(PeerServerFixture.SERVER) ? Optional.of(address) : Optional.empty(),
                NodeId.of("n2"), key, fixture.clock(), TIMEOUT, Map.of());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Override
    NodeTransport transport() {
        return transport;
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map.Entry<Integer, String> answer = canned != null ? canned : answer(exchange);
            byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.getKey(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Map.Entry<Integer, String> answer(HttpExchange exchange) throws IOException {
        RequestSignature signature = fixture.server.admitRequest("POST", exchange.getRequestURI().getRawPath(),
                exchange.getRequestHeaders().getFirst(RequestSignature.HEADER));
        byte[] body = exchange.getRequestBody().readAllBytes();
        fixture.server.checkBody(signature, body);
        KvWire.Write write = fixture.jsonb.fromJson(new String(body, StandardCharsets.UTF_8), KvWire.Write.class);
        ForwardOutcome outcome = fixture.server.forward(write).join();
        return outcome.map(result -> Map.entry(200, fixture.jsonb.toJson(result)),
                failure -> Map.entry(503, fixture.jsonb.toJson(failure)),
                refused -> Map.entry(refused.status(), fixture.jsonb.toJson(refused.refusal())),
                cause -> Map.entry(500, String.valueOf(cause.getMessage())));
    }

    /** A 413 from something else on the way (a proxy, the container) says nothing about the write: unknown. */
    @Test
    void a413ThatIsNoRefusalLeavesTheOutcomeUnknown() {
        canned = Map.entry(413, "<html><body>Request Entity Too Large</body></html>");

        assertThat(failureOf(blind("k", "c"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a readable limit refusal");
    }

    /**
     * A node from before refusals answered the forward with the client-facing problem+json (its limit named by the
     * setting): not read as a refusal either, so the client gets 503 "outcome unknown" as before the upgrade.
     */
    @Test
    void anOldNodesProblemDocumentIsNotMistakenForARefusal() {
        canned = Map.entry(409, "{\"status\":409,\"limit\":\"ps.kv.max-siblings\",\"allowed\":32,\"actual\":33}");

        assertThat(failureOf(blind("k", "c"))).isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(ObjectLimitExceededException.class);
    }
}
