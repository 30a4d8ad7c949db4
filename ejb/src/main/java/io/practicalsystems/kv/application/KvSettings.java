package io.practicalsystems.kv.application;

import io.practicalsystems.kv.coordinator.QuorumConfig;
import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.ReadFanout;
import io.practicalsystems.kv.peer.server.PeerLinkSettings;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.ObjectLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every knob of this server's key-value node, from MicroProfile Config (env vars such as {@code PS_KV_SEEDS},
 * server.xml variables, system properties).
 *
 * <p>With no seeds the server is a one-node cluster with N=R=W=1, so the plain run command serves the KV API. With
 * seeds it gossips with them, and the quorum defaults to 3/2/2; until the ring has N nodes, requests get 503 and
 * readiness is DOWN.
 */
@ApplicationScoped
public class KvSettings {

    @Inject
    @ConfigProperty(name = "ps.kv.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "ps.kv.node-id", defaultValue = "kv-1")
    String nodeId;

    /** How other nodes reach this one; defaults to loopback on this server's HTTP port. */
    @Inject
    @ConfigProperty(name = "ps.kv.address")
    Optional<String> address;

    @Inject
    @ConfigProperty(name = "http.port", defaultValue = "9080")
    int httpPort;

    /** Comma-separated addresses of seed nodes, e.g. {@code http://127.0.0.1:9081,http://127.0.0.1:9082}. */
    @Inject
    @ConfigProperty(name = "ps.kv.seeds", defaultValue = " ")
    String seeds;

    /** N/R/W, e.g. {@code 3/2/2}; defaults to 1/1/1 alone and 3/2/2 with seeds. */
    @Inject
    @ConfigProperty(name = "ps.kv.quorum", defaultValue = " ")
    String quorum;

    @Inject
    @ConfigProperty(name = "ps.kv.quorum.mode", defaultValue = "sloppy")
    String quorumMode;

    @Inject
    @ConfigProperty(name = "ps.kv.vnodes", defaultValue = "64")
    int vnodes;

    @Inject
    @ConfigProperty(name = "ps.data.dir", defaultValue = "target/data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "ps.kv.max-key-bytes", defaultValue = "512")
    int maxKeyBytes;

    @Inject
    @ConfigProperty(name = "ps.kv.max-value-bytes", defaultValue = "1048576")
    int maxValueBytes;

    /** The bytes one key may hold over all its siblings (Riak's max_object_size); at least max-value-bytes. */
    @Inject
    @ConfigProperty(name = "ps.kv.max-object-bytes", defaultValue = "4194304")
    long maxObjectBytes;

    /** The siblings one key may hold, tombstones included (Riak's max_siblings). */
    @Inject
    @ConfigProperty(name = "ps.kv.max-siblings", defaultValue = "32")
    int maxSiblings;

    /** Shared by the nodes of one cluster; required once there are seeds (node-to-node calls carry it). */
    @Inject
    @ConfigProperty(name = "ps.kv.cluster-secret")
    Optional<String> clusterSecret;

    /**
     * Address rewrites for calls from this node, {@code from=to} pairs separated by commas, e.g.
     * {@code http://127.0.0.1:9083=http://127.0.0.1:20013}: to reach a node through a proxy only this node uses, so a
     * test (or an operator) can cut the link between two particular nodes for real.
     */
    @Inject
    @ConfigProperty(name = "ps.kv.routes", defaultValue = " ")
    String routes;

    /**
     * How replica reads and writes travel between nodes: {@code websocket} (one socket per peer, binary frames) or
     * {@code http} (one HTTP request per call). Everything else always uses HTTP.
     */
    @Inject
    @ConfigProperty(name = "ps.kv.peer-transport", defaultValue = "websocket")
    String peerTransport;

    /** A peer link must complete its handshake within this, or is closed (1008). */
    @Inject
    @ConfigProperty(name = "ps.kv.peer.auth-timeout.ms", defaultValue = "3000")
    long peerAuthTimeoutMillis;

    /** An authenticated peer link silent this long is closed; callers ping it at a quarter of this. */
    @Inject
    @ConfigProperty(name = "ps.kv.peer.idle-timeout.ms", defaultValue = "60000")
    long peerIdleTimeoutMillis;

    /** How far an HTTP node-to-node call's signed time may be from this node's clock. */
    @Inject
    @ConfigProperty(name = "ps.kv.peer.max-clock-skew.ms", defaultValue = "30000")
    long peerMaxClockSkewMillis;

    @Inject
    @ConfigProperty(name = "ps.kv.request-timeout.ms", defaultValue = "1000")
    long requestTimeoutMillis;

    @Inject
    @ConfigProperty(name = "ps.kv.gossip.interval.ms", defaultValue = "500")
    long gossipIntervalMillis;

    @Inject
    @ConfigProperty(name = "ps.kv.hint-delivery.interval.ms", defaultValue = "2000")
    long hintDeliveryIntervalMillis;

    @Inject
    @ConfigProperty(name = "ps.kv.anti-entropy.interval.ms", defaultValue = "30000")
    long antiEntropyIntervalMillis;

    /** Anti-entropy's pace: key reads per second its passes may cause, here and on the peers; 0: unpaced. */
    @Inject
    @ConfigProperty(name = "ps.kv.anti-entropy.keys-per-second", defaultValue = "5000")
    long antiEntropyKeysPerSecond;

    @Inject
    @ConfigProperty(name = "ps.kv.tombstone-grace.s", defaultValue = "864000")
    long tombstoneGraceSeconds;

    /** {@code quorum}: a read asks R replicas, its own first, and one more on need; {@code all}: all N at once. */
    @Inject
    @ConfigProperty(name = "ps.kv.read.fanout", defaultValue = "quorum")
    String readFanout;

    /** Quorum fan-out: how long a read waits for R answers before it asks one more replica. */
    @Inject
    @ConfigProperty(name = "ps.kv.read.speculate-after.ms", defaultValue = "50")
    long readSpeculateAfterMillis;

    public boolean enabled() {
        return enabled;
    }

    public NodeId nodeId() {
        return NodeId.of(nodeId.trim()).requireNodeName();
    }

    public String address() {
        return address.map(String::trim).filter(a -> !a.isEmpty()).orElse("http://127.0.0.1:" + httpPort);
    }

    public List<String> seeds() {
        return Arrays.stream(seeds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** @return address -> address to connect to instead */
    public java.util.Map<String, String> routes() {
        java.util.Map<String, String> result = new java.util.HashMap<>();
        for (String pair : routes.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            String[] parts = pair.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("ps.kv.routes entries look like from=to, got '" + pair + "'");
            }
            result.put(parts[0].trim(), parts[1].trim());
        }
        return result;
    }

    /** Whether replica calls go over the WebSocket peer link (else over HTTP). */
    public boolean peerWebSocket() {
        return switch (peerTransport.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "websocket" -> true;
            case "http" -> false;
            default -> throw new IllegalArgumentException(
                    "ps.kv.peer-transport must be websocket or http, got '" + peerTransport + "'");
        };
    }

    public boolean clustered() {
        return !seeds().isEmpty();
    }

    public QuorumConfig quorum() {
        QuorumMode mode = switch (quorumMode.trim().toLowerCase(Locale.ROOT)) {
            case "sloppy" -> QuorumMode.SLOPPY;
            case "strict" -> QuorumMode.STRICT;
            default -> throw new IllegalArgumentException("ps.kv.quorum.mode must be sloppy or strict, got '"
                    + quorumMode + "'");
        };
        String spec = quorum.isBlank() ? (clustered() ? "3/2/2" : "1/1/1") : quorum;
        return QuorumConfig.parse(spec, mode);
    }

    public int vnodes() {
        return vnodes;
    }

    public Path dataDir() {
        return Path.of(dataDir, "kv");
    }

    public int maxKeyBytes() {
        return maxKeyBytes;
    }

    public int maxValueBytes() {
        return maxValueBytes;
    }

    /**
     * What one key may hold.
     *
     * @throws IllegalArgumentException if a single value may be larger than a whole key, or a limit is not positive
     */
    public ObjectLimits objectLimits() {
        if (maxValueBytes > maxObjectBytes) {
            throw new IllegalArgumentException("ps.kv.max-value-bytes (" + maxValueBytes + ") must not be above "
                    + "ps.kv.max-object-bytes (" + maxObjectBytes + "): a single value would fill more than a key");
        }
        return new ObjectLimits(maxObjectBytes, maxSiblings);
    }

    public Optional<String> clusterSecret() {
        return clusterSecret.map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The peer links' limits; an authenticated peer's frames and bodies up to 64 MiB (a key's whole copy). */
    public PeerLinkSettings peerLinks() {
        return new PeerLinkSettings(Duration.ofMillis(peerAuthTimeoutMillis), Duration.ofMillis(peerIdleTimeoutMillis),
                Duration.ofMillis(peerMaxClockSkewMillis), 64 * 1024 * 1024);
    }

    public Duration requestTimeout() {
        return Duration.ofMillis(requestTimeoutMillis);
    }

    public Duration gossipInterval() {
        return Duration.ofMillis(gossipIntervalMillis);
    }

    public Duration hintDeliveryInterval() {
        return Duration.ofMillis(hintDeliveryIntervalMillis);
    }

    /** @throws IllegalArgumentException for a mode other than quorum or all, or a delay below 1 ms */
    public ReadFanout readFanout() {
        return ReadFanout.parse(readFanout, Duration.ofMillis(readSpeculateAfterMillis));
    }

    public Duration antiEntropyInterval() {
        return Duration.ofMillis(antiEntropyIntervalMillis);
    }

    /** @throws IllegalArgumentException if negative */
    public long antiEntropyKeysPerSecond() {
        if (antiEntropyKeysPerSecond < 0) {
            throw new IllegalArgumentException("ps.kv.anti-entropy.keys-per-second must be 0 (unpaced) or more, got "
                    + antiEntropyKeysPerSecond);
        }
        return antiEntropyKeysPerSecond;
    }

    public Duration tombstoneGrace() {
        return Duration.ofSeconds(tombstoneGraceSeconds);
    }
}
