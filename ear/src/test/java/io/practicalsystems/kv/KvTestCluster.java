package io.practicalsystems.kv;

import io.practicalsystems.platform.testkit.FreePorts;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.TcpProxy;
import io.practicalsystems.platform.testkit.TestServers;
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
            servers.add(TestServers.realServices(name + "-" + (i + 1))
                    .httpPort(ports[i])
                    .env("PS_KV_NODE_ID", nodeId(i))
                    .env("PS_KV_ADDRESS", address(ports[i]))
                    .env("PS_KV_SEEDS", seeds)
                    .env("PS_KV_ROUTES", String.join(",", routes))
                    .env("PS_KV_CLUSTER_SECRET", secret)
                    .env("PS_KV_QUORUM", quorum)
                    .env("PS_KV_REQUEST_TIMEOUT_MS", "1500")
                    .env("PS_KV_GOSSIP_INTERVAL_MS", "200")
                    .env("PS_KV_HINT_DELIVERY_INTERVAL_MS", "500")
                    .env("PS_KV_ANTI_ENTROPY_INTERVAL_MS", "300")
                    .build());
        }
    }

    /**
     * A new node that joins by gossiping with the existing ones (directly, without proxies): same secret, quorum and
     * intervals. Started and awaited; the caller closes it.
     */
    LibertyServer startJoiner(String name, String nodeId, String quorum) {
        int port = FreePorts.next();
        String seeds = servers.stream().map(s -> address(s.httpPort())).collect(Collectors.joining(","));
        LibertyServer joiner = TestServers.realServices(name)
                .httpPort(port)
                .env("PS_KV_NODE_ID", nodeId)
                .env("PS_KV_ADDRESS", address(port))
                .env("PS_KV_SEEDS", seeds)
                .env("PS_KV_CLUSTER_SECRET", secret)
                .env("PS_KV_QUORUM", quorum)
                .env("PS_KV_REQUEST_TIMEOUT_MS", "1500")
                .env("PS_KV_GOSSIP_INTERVAL_MS", "200")
                .env("PS_KV_HINT_DELIVERY_INTERVAL_MS", "500")
                .env("PS_KV_ANTI_ENTROPY_INTERVAL_MS", "300")
                .build();
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
