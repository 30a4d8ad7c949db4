package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.CausalContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * Clients and a nemesis driving a {@link SimCluster} for a while. Each client runs one operation at a time against a
 * random node: reads, writes with the context of its last read or write of the key (so it overwrites what it saw),
 * blind writes (so they race), and deletes. The nemesis crashes and restarts nodes, cuts links and isolates nodes,
 * and turns message loss on and off.
 *
 * @param clients         concurrent clients
 * @param keys            the key space (small, so operations contend)
 * @param chaosMillis     how long clients and nemesis run
 * @param clientTimeout   after this a client gives up on an operation (outcome unknown for writes)
 * @param maxDown           most nodes crashed at once
 * @param membershipChanges whether the nemesis also adds one node to the ring and takes another out
 */
public record Workload(int clients, List<String> keys, long chaosMillis, long clientTimeout, int maxDown,
        boolean membershipChanges) {

    /** Starts clients and nemesis on {@code cluster}'s virtual time; they stop by themselves after the chaos. */
    public void start(SimCluster cluster, History history) {
        Random random = new Random(cluster.random().nextLong());
        long end = cluster.scheduler().nowMillis() + chaosMillis;
        for (int c = 0; c < clients; c++) {
            new Client(c, cluster, history, random, end).next();
        }
        new Nemesis(cluster, history, random, end, maxDown, membershipChanges).next();
    }

    private final class Client {
        private final int id;
        private final SimCluster cluster;
        private final History history;
        private final Random random;
        private final long end;
        private final Map<String, CausalContext> contexts = new HashMap<>();

        Client(int id, SimCluster cluster, History history, Random random, long end) {
            this.id = id;
            this.cluster = cluster;
            this.history = history;
            this.random = random;
            this.end = end;
        }

        void next() {
            if (cluster.scheduler().nowMillis() < end) {
                cluster.scheduler().after(random.nextInt(20), this::invoke);
            }
        }

        private void invoke() {
            List<NodeId> members = cluster.members();
            NodeId via = members.get(random.nextInt(members.size()));
            String key = keys.get(random.nextInt(keys.size()));
            CausalContext known = contexts.getOrDefault(key, CausalContext.empty());
            double dice = random.nextDouble();
            Op.Kind kind = dice < 0.4 ? Op.Kind.READ : dice < 0.88 ? Op.Kind.PUT : Op.Kind.DELETE;
            CausalContext sent = kind != Op.Kind.READ && dice >= 0.78 && dice < 0.88 ? CausalContext.empty() : known;
            long now = cluster.scheduler().nowMillis();
            String value = kind == Op.Kind.PUT ? "c" + id + "-" + history.ops().size() : null;
            // Mostly the cluster's R = W = 2; now and then a per-request R or W of 1 or 3.
            int quorumDice = random.nextInt(10);
            int quorum = quorumDice == 0 ? 1 : quorumDice == 1 ? 3 : 2;
            RequestOverrides overrides = quorum == 2 ? RequestOverrides.none()
                    : kind == Op.Kind.READ ? RequestOverrides.r(quorum) : RequestOverrides.w(quorum);
            Op op = history.invoke(id, kind, key, via, now, sent, value, quorum);
            if (!cluster.isUp(via)) {
                finish(op, Op.Outcome.FAIL, "connection refused: " + via + " is down");
                next();
                return;
            }
            CompletableFuture<?> call = switch (kind) {
                case READ -> cluster.node(via).get(key, overrides).thenAccept(read -> onRead(op, read));
                case PUT -> cluster.node(via).put(key, sent, Blob.ofUtf8(value), overrides)
                        .thenAccept(write -> onWrite(op, write));
                case DELETE -> cluster.node(via).delete(key, sent, overrides).thenAccept(write -> onWrite(op, write));
            };
            var timeout = cluster.scheduler().after(clientTimeout, () -> {
                if (op.outcome == Op.Outcome.PENDING) {
                    finish(op, op.isWrite() ? Op.Outcome.UNKNOWN : Op.Outcome.FAIL, "client timeout");
                    next();
                }
            });
            call.whenComplete((ok, error) -> {
                if (op.outcome != Op.Outcome.PENDING) {
                    return;
                }
                timeout.cancel();
                if (error == null) {
                    finish(op, Op.Outcome.OK, null);
                } else {
                    // A failed write may still have been stored by its coordinator: unknown, never "fail".
                    finish(op, op.isWrite() ? Op.Outcome.UNKNOWN : Op.Outcome.FAIL, String.valueOf(error.getCause()));
                }
                next();
            });
        }

        private void onRead(Op op, ClientReadResult read) {
            op.resultContext = read.context();
            List<String> values = new ArrayList<>();
            read.values().forEach(blob -> values.add(blob.utf8()));
            op.readValues = values;
            contexts.put(op.key, read.context());
        }

        private void onWrite(Op op, ClientWriteResult write) {
            op.dot = write.dot();
            op.resultContext = write.context();
            op.readValues = write.values().stream().map(Blob::utf8).toList();
            contexts.put(op.key, write.context());
        }

        private void finish(Op op, Op.Outcome outcome, String error) {
            op.outcome = outcome;
            op.error = error;
            op.completedAt = cluster.scheduler().nowMillis();
        }
    }

    private static final class Nemesis {
        private final SimCluster cluster;
        private final History history;
        private final Random random;
        private final long end;
        private final int maxDown;
        private final boolean membershipChanges;
        private boolean joined;
        private boolean left;

        Nemesis(SimCluster cluster, History history, Random random, long end, int maxDown,
                boolean membershipChanges) {
            this.cluster = cluster;
            this.history = history;
            this.random = random;
            this.end = end;
            this.maxDown = maxDown;
            this.membershipChanges = membershipChanges;
        }

        void next() {
            long delay = 50 + random.nextInt(250);
            if (cluster.scheduler().nowMillis() + delay < end) {
                cluster.scheduler().after(delay, () -> {
                    act();
                    next();
                });
            }
        }

        private void act() {
            List<NodeId> members = cluster.members();
            NodeId node = members.get(random.nextInt(members.size()));
            long down = members.stream().filter(m -> !cluster.isUp(m)).count();
            long now = cluster.scheduler().nowMillis();
            if (membershipChanges && random.nextInt(6) == 0) {
                changeMembership(node, now);
                return;
            }
            switch (random.nextInt(7)) {
                case 0, 1 -> {
                    if (cluster.isUp(node) && down < maxDown) {
                        cluster.crash(node);
                        history.nemesis(now, "crash " + node);
                    }
                }
                case 2 -> {
                    members.stream().filter(m -> !cluster.isUp(m)).findFirst().ifPresent(m -> {
                        cluster.boot(m);
                        history.nemesis(now, "restart " + m);
                    });
                }
                case 3 -> {
                    cluster.isolate(node);
                    history.nemesis(now, "isolate " + node);
                }
                case 4 -> {
                    NodeId other = members.get(random.nextInt(members.size()));
                    if (!other.equals(node)) {
                        cluster.cut(node, other);
                        history.nemesis(now, "cut " + node + "|" + other);
                    }
                }
                case 5 -> {
                    cluster.network().heal();
                    history.nemesis(now, "heal network");
                }
                default -> {
                    double rate = random.nextBoolean() ? 0 : 0.05 + random.nextDouble() * 0.15;
                    cluster.network().dropRate(rate);
                    history.nemesis(now, "drop rate " + String.format(java.util.Locale.ROOT, "%.2f", rate));
                }
            }
        }

        /** One join of a new node, one graceful leave of an old one (it keeps running to hand its data over). */
        private void changeMembership(NodeId node, long now) {
            if (!joined) {
                joined = true;
                NodeId newcomer = NodeId.of("n" + (cluster.allNodes().size() + 1));
                cluster.join(newcomer);
                history.nemesis(now, "join " + newcomer);
            } else if (!left && cluster.members().size() > 3 && cluster.isUp(node) && cluster.leave(node)) {
                left = true;
                history.nemesis(now, "leave " + node);
            }
        }
    }
}
