package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.practicalsystems.platform.e2e.BrowserScenarios;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The console's Key-value page on the three KV nodes (N=3 R=2 W=2) it shares with KvClusterIT, in headless Chromium: the browser scenario
 * {@code console-kv-cluster} (ear/src/test/e2e) watches kv-3 turn suspect/dead after a kill -9 and alive after its
 * restart — both done by this class when the scenario asks at a small loopback control endpoint — and resolves two
 * siblings in the UI. Also the ring endpoint on a real cluster. Skipped without Chromium, like BrowserE2eIT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedKvCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleKvClusterIT {

    private static final int VICTIM = 2;   // kv-3

    private KvTestCluster cluster;

    /** The cluster shared with KvClusterIT ({@link SharedKvCluster}), healed and serving. */
    @BeforeAll
    void start(KvTestCluster shared) {
        cluster = shared;
    }

    @Test
    @Order(1)
    void theRingEndpointShowsEachNodesArcsMatchingItsOwnershipInTheClusterView() {
        LibertyServer node = cluster.get(0);
        JsonObject ring = Http.get(node.baseUrl() + "/api/kv-cluster/ring").json();
        assertThat(ring.getInt("ringNodes")).isEqualTo(3);
        Map<String, Double> arcsByNode = ring.getJsonArray("arcs").stream().map(JsonValue::asJsonObject)
                .collect(Collectors.groupingBy(arc -> arc.getString("node"),
                        Collectors.summingDouble(arc -> arc.getJsonNumber("fraction").doubleValue())));
        assertThat(arcsByNode).containsOnlyKeys("kv-1", "kv-2", "kv-3");
        for (JsonValue value : Kv.cluster(node).getJsonArray("members")) {
            JsonObject member = value.asJsonObject();
            // a member that left (KvClusterIT's kv-4, when it ran first) has no arcs and owns nothing
            assertThat(arcsByNode.getOrDefault(member.getString("id"), 0.0)).as(member.getString("id"))
                    .isCloseTo(member.getJsonNumber("ownership").doubleValue(), within(1e-9));
        }
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> theKvPageShowsSiblingsResolvedAndAKilledNodeGoingDeadAndBack() throws IOException {
        BrowserScenarios scenarios = BrowserScenarios.fromSystemProperties().inWorkSubdirectory("console-kv-cluster");
        scenarios.assumeBrowser("ConsoleKvClusterIT");
        LibertyServer victim = cluster.get(VICTIM);
        HttpServer control = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        control.createContext("/kill", exchange -> act(exchange, () -> {
            victim.kill();
            return "killed " + victim.name();
        }));
        control.createContext("/restart", exchange -> act(exchange, () -> {
            victim.start();
            victim.awaitReady();
            return "restarted " + victim.name();
        }));
        control.start();
        try {
            String url = "http://127.0.0.1:" + control.getAddress().getPort();
            BrowserScenarios.Run run = scenarios.runAgainst(cluster.get(0).baseUrl(), "console-kv-cluster",
                    Map.of("E2E_KV_CONTROL", url));
            return BrowserScenarios.tests(run);
        } finally {
            control.stop(0);
        }
    }

    /** Runs one control action for the scenario: 200 with what was done, or 500 with why not. POST only. */
    private static void act(HttpExchange exchange, Supplier<String> action) throws IOException {
        int status;
        String text;
        if (!"POST".equals(exchange.getRequestMethod())) {
            status = 405;
            text = "POST only";
        } else {
            try {
                text = action.get();
                status = 200;
            } catch (RuntimeException e) {
                text = String.valueOf(e.getMessage());
                status = 500;
            }
        }
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
