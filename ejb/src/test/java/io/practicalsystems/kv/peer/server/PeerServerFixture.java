package io.practicalsystems.kv.peer.server;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.node.KvNode;
import io.practicalsystems.kv.node.Scheduler;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.sim.SimCluster;
import io.practicalsystems.kv.sim.SimConfigs;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link PeerServer} for node n1 of a quiet simulated cluster, a hand-driven clock and timer, and sockets that
 * record what the server sends.
 */
final class PeerServerFixture {

    static final String SECRET = "the cluster secret";
    static final PeerLinkSettings LIMITS = new PeerLinkSettings(Duration.ofSeconds(3), Duration.ofSeconds(60),
            Duration.ofSeconds(30), 1 << 20);

    final SimCluster cluster = new SimCluster(7, 3, 8, SimConfigs.quiet(QuorumMode.STRICT), 10);
    final KvNode node = cluster.node(NodeId.of("n1"));
    final Timers timers = new Timers();
    final PeerServer server;

    PeerServerFixture(Optional<String> secret) {
        server = new PeerServer(NodeId.of("n1"), PeerKey.of(secret), LIMITS, () -> node, Optional::empty, null,
                timers, Runnable::run, new SecureRandom());
    }

    PeerServerFixture() {
        this(Optional.of(SECRET));
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
