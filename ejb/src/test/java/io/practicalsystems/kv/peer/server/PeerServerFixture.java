package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientWrite;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.node.Scheduler;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.InMemoryReplicaStore;
import io.practicalsystems.kv.storage.ObjectLimits;
import io.practicalsystems.kv.version.CausalContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PeerServer} for node n1 of a quiet simulated cluster, a hand-driven clock and timer, and sockets that
 * record what the server sends. Public for the transports' tests in {@code peer.client}, which run their client ends
 * against it.
 */
public final class PeerServerFixture {

    public static final String SECRET = "the cluster secret";
    static final PeerLinkSettings LIMITS = new PeerLinkSettings(Duration.ofSeconds(3), Duration.ofSeconds(60),
            Duration.ofSeconds(30), 1 << 20);

    public static final NodeId SERVER = NodeId.of("n1");

    public final SimCluster cluster;
    public final KvNode node;
    public final Jsonb jsonb = JsonbBuilder.create();
    final Timers timers = new Timers();
    public final PeerServer server;

    /** Stores that refuse to grow a key past {@code limits}. */
    public PeerServerFixture(Optional<String> secret, ObjectLimits limits) {
        cluster = new SimCluster(7, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10,
                id -> new InMemoryReplicaStore(limits));
        node = cluster.node(SERVER);
        server = new PeerServer(SERVER, PeerKey.of(secret), LIMITS, () -> node, Optional::empty, jsonb, timers,
                Runnable::run, new SecureRandom());
    }

    PeerServerFixture(Optional<String> secret) {
        this(secret, ObjectLimits.NONE);
    }

    PeerServerFixture() {
        this(Optional.of(SECRET));
    }

    /** The server's clock, for a client that signs HTTP calls to it. */
    public Clock clock() {
        return Clock.fixed(timers.now(), ZoneOffset.UTC);
    }

    /** Blind writes of {@code values} to {@code key}, coordinated by the server's node: so many siblings. */
    public void pileUp(String key, String... values) {
        for (String value : values) {
            cluster.await(node.handleForwardedWrite(new ClientWrite(key, CausalContext.empty(),
                    Optional.of(Blob.ofUtf8(value)), RequestOverrides.none())));
        }
    }

    /** The values the server's node stores for {@code key}, as text. */
    public List<String> stored(String key) {
        return cluster.stored(SERVER, key).map(copy -> copy.liveValues().stream().map(Blob::utf8).sorted().toList())
                .orElse(List.of());
    }

    /** A clock the test sets and timers the test fires. */
    static final class Timers implements Scheduler {
        Instant now = Instant.parse("2026-12-05T06:00:00Z");
        final List<Runnable> due = new ArrayList<>();
        final List<Runnable> cancelled = new ArrayList<>();

        @Override
        public Instant now() {
            return now;
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            due.add(task);
            return () -> cancelled.add(task);
        }

        /** Runs every task scheduled and not cancelled, as if their time had come. */
        void fire() {
            due.stream().filter(task -> !cancelled.contains(task)).toList().forEach(Runnable::run);
        }
    }

    /** One socket's end as the server sees it: every message sent, the close, the limits set. */
    static final class Socket implements PeerLinkSession.Connection {
        final List<ByteBuffer> sent = new ArrayList<>();
        Integer closeCode;
        String closeReason;
        int maxMessageBytes;
        Duration idleTimeout;

        @Override
        public synchronized void send(ByteBuffer message) {
            sent.add(message.duplicate());
        }

        @Override
        public void close(int code, String reason) {
            closeCode = code;
            closeReason = reason;
        }

        @Override
        public void limit(int maxMessageBytes, Duration idleTimeout) {
            this.maxMessageBytes = maxMessageBytes;
            this.idleTimeout = idleTimeout;
        }

        ByteBuffer last() {
            return sent.get(sent.size() - 1).duplicate();
        }
    }
}
