package io.practicalsystems.kv;

import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.FreePorts;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServerBuilder;
import io.practicalsystems.platform.testkit.TcpProxy;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * N key-value nodes as separate Liberty servers on loopback, with one TCP proxy per directed pair of nodes: node i
 * reaches node j only through proxy (i, j) ({@code ps.kv.routes}), so {@link #isolate} cuts a node off for real —
 * connections refused both ways — while clients still reach every node directly.
 */
final class KvTestCluster implements AutoCloseable {

    /** The largest value a node accepts, and the most bytes one key may hold over its siblings. */
    static final int MAX_VALUE_BYTES = 1000;
    static final int MAX_OBJECT_BYTES = 3000;

    final String secret = "it-" + UUID.randomUUID();
    private final List<LibertyServer> servers = new ArrayList<>();
    private final Map<String, TcpProxy> proxies = new HashMap<>(); // "i>j"

    KvTestCluster(String name, int size, String quorum) {
        int[] ports = IntStream.range(0, size).map(i -> FreePorts.next()).toArray();
        String seeds = IntStream.range(0, size).mapToObj(i -> address(ports[i])).collect(Collectors.joining(","));
        for (int i = 0; i < size; i++) {
            List<String> routes = new ArrayList<>();
            for (int j = 0; j < size; j++) {
                if (i != j) {
                    TcpProxy proxy = new TcpProxy("127.0.0.1", ports[j]);
                    proxy.watchFor(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    proxies.put(i + ">" + j, proxy);
                    routes.add(address(ports[j]) + "=" + address(proxy.port()));
                }
            }
            servers.add(node(name + "-" + (i + 1), ports[i], nodeId(i), seeds, quorum)
                    .env("PS_KV_ROUTES", String.join(",", routes))
                    .build());
        }
    }

    /** A node of this cluster: its secret, quorum, short intervals and small object limits. */
    private LibertyServerBuilder node(String name, int port, String nodeId, String seeds, String quorum) {
        return TestServers.realServices(name)
                .httpPort(port)
                .env("PS_KV_NODE_ID", nodeId)
                .env("PS_KV_ADDRESS", address(port))
                .env("PS_KV_SEEDS", seeds)
                .env("PS_KV_CLUSTER_SECRET", secret)
                .env("PS_KV_QUORUM", quorum)
                .env("PS_KV_REQUEST_TIMEOUT_MS", "1500")
                .env("PS_KV_GOSSIP_INTERVAL_MS", "200")
                .env("PS_KV_HINT_DELIVERY_INTERVAL_MS", "500")
                // a full anti-entropy pass (every range with both peers) every 2 s: well within CONVERGE
                .env("PS_KV_ANTI_ENTROPY_INTERVAL_MS", "2000")
                // small, so that a write past a key's limits is cheap to send
                .env("PS_KV_MAX_VALUE_BYTES", MAX_VALUE_BYTES)
                .env("PS_KV_MAX_OBJECT_BYTES", MAX_OBJECT_BYTES);
    }

    /**
     * A new node that joins by gossiping with the existing ones (directly, without proxies): same secret, quorum and
     * intervals. Started and awaited; the caller closes it.
     */
    LibertyServer startJoiner(String name, String nodeId, String quorum) {
        int port = FreePorts.next();
        String seeds = servers.stream().map(s -> address(s.httpPort())).collect(Collectors.joining(","));
        LibertyServer joiner = node(name, port, nodeId, seeds, quorum).build();
        joiner.start();
        joiner.awaitReady();
        return joiner;
    }

    static String nodeId(int index) {
        return "kv-" + (index + 1);
    }

    private static String address(int port) {
        return "http://127.0.0.1:" + port;
    }

    void startAll() {
        servers.forEach(LibertyServer::start);
        servers.forEach(LibertyServer::awaitReady);
    }

    /** Starts again every node that is not running (killed or stopped by a test) and awaits their readiness. */
    void restartStopped() {
        List<LibertyServer> stopped = servers.stream().filter(server -> !server.isRunning()).toList();
        stopped.forEach(LibertyServer::start);
        stopped.forEach(LibertyServer::awaitReady);
    }

    /**
     * Waits until every node sees the whole cluster alive and serves what a quorum needs. A freshly started server
     * answers its first calls slowly (class loading, JIT, peer links connecting on first use): a client's first W=2
     * write can otherwise miss the request timeout on a loaded machine. Each node coordinates a default-quorum write
     * of its own, then every node serves an R=N read of each.
     */
    void awaitServing(Duration within) {
        for (LibertyServer server : servers) {
            Await.until(server.name() + " sees " + servers.size() + " members alive", () -> Kv.cluster(server),
                    view -> view.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                            .filter(m -> m.getString("reachability").equals("ALIVE")).count() == servers.size(),
                    within);
        }
        String prefix = "warm-up-" + UUID.randomUUID() + "-";
        for (LibertyServer server : servers) {
            Await.until(server.name() + " coordinates quorum writes", () -> Kv.put(server, prefix + server.name(),
                    "w", null, "").status(), status -> status == 200, within);
        }
        for (LibertyServer reader : servers) {
            for (LibertyServer writer : servers) {
                Await.until(reader.name() + " serves R=" + servers.size() + " reads",
                        () -> Kv.get(reader, prefix + writer.name(), "?r=" + servers.size()).status(),
                        status -> status == 200, within);
            }
        }
    }

    LibertyServer get(int index) {
        return servers.get(index);
    }

    List<LibertyServer> servers() {
        return servers;
    }

    int size() {
        return servers.size();
    }

    /** Cuts every link to and from node {@code index}. */
    void isolate(int index) {
        proxies.forEach((pair, proxy) -> {
            String[] ends = pair.split(">");
            if (Integer.parseInt(ends[0]) == index || Integer.parseInt(ends[1]) == index) {
                proxy.cut();
            }
        });
    }

    /** Whether the cluster secret itself ever crossed a link between two nodes (it must not: they send proofs). */
    boolean anyLinkCarriedTheSecret() {
        return proxies.values().stream().anyMatch(TcpProxy::carried);
    }

    void heal() {
        proxies.values().forEach(TcpProxy::restore);
    }

    @Override
    public void close() {
        servers.forEach(LibertyServer::close);
        proxies.values().forEach(TcpProxy::close);
    }
}
