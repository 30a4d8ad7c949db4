package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.coordinator.QuorumMode;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.NodeCounters;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.Dot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * One seeded schedule: 4 to 6 nodes with N/R/W = 3/2/2 (some requests override R or W with 1 or 3), strict quorum
 * for even seeds and sloppy for odd ones, real gossip membership in half the seeds (the simulation's oracle, 30 ms
 * late, in the others), a node joining and another leaving in every third seed; clients and
 * nemesis for two virtual seconds, then every fault healed and the cluster left alone long enough for hinted
 * handoff, anti-entropy and the hand-off sweep to finish; then the {@link ConsistencyChecker} and a final read of
 * every key at R = N.
 */
public final class SimRun {

    static final List<String> KEYS = List.of("apple", "banana", "cherry", "damson", "elder", "fig");
    static final long CHAOS_MILLIS = 2_000;
    static final Duration SETTLE = Duration.ofSeconds(8);

    public record Result(long seed, String setup, List<String> violations, Map<String, Long> stats,
            String report) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private SimRun() {
    }

    public static Result run(long seed) {
        QuorumMode mode = seed % 2 == 0 ? QuorumMode.STRICT : QuorumMode.SLOPPY;
        boolean membershipChanges = seed % 3 == 0;
        // 4 to 6 nodes with 2 to 8 vnodes each, so ranges and preference lists differ from seed to seed.
        int nodes = 4 + (int) Math.floorMod(seed / 6, 3L);
        int vnodes = 2 + (int) Math.floorMod(seed * 7 / 5, 7L);
        boolean gossip = Math.floorMod(seed, 4L) >= 2;
        SimCluster cluster = gossip ? SimCluster.withGossip(seed, nodes, vnodes, SimConfigs.fast(mode))
                : new SimCluster(seed, nodes, vnodes, SimConfigs.fast(mode), 30);
        cluster.network().delays(1, 10).timeout(80);
        if (gossip) {
            cluster.awaitMembership(Duration.ofSeconds(5));
        }
        History history = new History();
        new Workload(4, KEYS, CHAOS_MILLIS, 400, 2, membershipChanges).start(cluster, history);
        cluster.runFor(Duration.ofMillis(CHAOS_MILLIS + 500));
        cluster.healAll();
        cluster.runFor(SETTLE);

        List<String> violations = new ArrayList<>(
                ConsistencyChecker.check(cluster, history, mode == QuorumMode.STRICT && !membershipChanges));
        violations.addAll(finalReads(cluster));
        cluster.membershipDisagreements().forEach(d -> violations.add("gossip did not converge: " + d));
        cluster.scheduler().errors().forEach(error -> violations.add("task threw: " + error));
        if (cluster.maintenanceErrors() > 0) {
            violations.add(cluster.maintenanceErrors() + " maintenance rounds failed");
        }
        String setup = mode + (gossip ? ", gossip" : ", oracle membership") + ", " + nodes + " nodes x " + vnodes
                + " vnodes" + (membershipChanges ? ", join + leave" : "");
        return new Result(seed, setup, violations, stats(cluster, history),
                violations.isEmpty() ? "" : report(seed, setup, cluster, history, violations));
    }

    /** After settling, a read of every key at R = N returns exactly the live values the effects leave. */
    private static List<String> finalReads(SimCluster cluster) {
        List<String> violations = new ArrayList<>();
        Map<String, List<WriteEffect>> effects = new TreeMap<>();
        cluster.effects().forEach(e -> effects.computeIfAbsent(e.key(), k -> new ArrayList<>()).add(e));
        NodeId via = cluster.members().get(0);
        for (String key : KEYS) {
            TreeSet<String> expected = new TreeSet<>();
            ConsistencyChecker.expectedSiblings(effects.getOrDefault(key, List.of())).values().forEach(effect -> {
                if (!effect.value().isTombstone()) {
                    expected.add(effect.value().value().utf8());
                }
            });
            CompletableFuture<ClientReadResult> read = cluster.get(via, key, RequestOverrides.r(3));
            ClientReadResult result = cluster.await(read);
            TreeSet<String> actual = result.values().stream().map(Blob::utf8)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!actual.equals(expected)) {
                violations.add("final read of " + key + " returned " + actual + ", expected " + expected);
            }
        }
        return violations;
    }

    private static Map<String, Long> stats(SimCluster cluster, History history) {
        Map<String, Long> stats = new TreeMap<>();
        stats.put("acknowledgedWrites", history.count(Op.Kind.PUT, Op.Outcome.OK)
                + history.count(Op.Kind.DELETE, Op.Outcome.OK));
        stats.put("unknownWrites", history.count(Op.Kind.PUT, Op.Outcome.UNKNOWN)
                + history.count(Op.Kind.DELETE, Op.Outcome.UNKNOWN));
        stats.put("okReads", history.count(Op.Kind.READ, Op.Outcome.OK));
        stats.put("readsWithSiblings", history.ops().stream()
                .filter(op -> op.kind == Op.Kind.READ && op.readValues.size() > 1).count());
        stats.put("effects", (long) cluster.effects().size());
        stats.put("finalSiblingKeys", KEYS.stream().filter(key -> cluster.replicasOf(key).stream()
                .anyMatch(node -> cluster.stored(node, key).map(c -> c.siblings().size() > 1).orElse(false)))
                .count());
        for (String counter : List.of(NodeCounters.HINTS_STORED, NodeCounters.HINTS_DELIVERED,
                NodeCounters.READ_REPAIRS, NodeCounters.ANTI_ENTROPY_KEYS_PULLED,
                NodeCounters.ANTI_ENTROPY_KEYS_PUSHED, NodeCounters.FORWARDED_WRITES, NodeCounters.KEYS_HANDED_OFF,
                NodeCounters.RANGE_MOVES_DONE)) {
            stats.put(counter, cluster.total(counter));
        }
        stats.put("messages", cluster.network().sent());
        stats.put("messagesLost", cluster.network().lost());
        return stats;
    }

    private static String report(long seed, String setup, SimCluster cluster, History history,
            List<String> violations) {
        StringBuilder text = new StringBuilder();
        text.append("seed ").append(seed).append(" (").append(setup).append("; replay with -Dkv.sim.seed=")
                .append(seed).append("): ").append(violations.size()).append(" violation(s)\n");
        violations.stream().limit(15).forEach(v -> text.append("  ").append(v).append('\n'));
        text.append("nemesis:\n");
        history.nemesisLog().forEach(event -> text.append("  ").append(event).append('\n'));
        TreeSet<String> keys = new TreeSet<>();
        for (String key : KEYS) {
            if (violations.stream().anyMatch(v -> v.contains(key))) {
                keys.add(key);
            }
        }
        text.append("operations on ").append(keys).append(":\n");
        history.ops().stream().filter(op -> keys.contains(op.key)).limit(60)
                .forEach(op -> text.append("  ").append(op).append('\n'));
        text.append("effects:\n");
        cluster.effects().stream().filter(e -> keys.contains(e.key())).limit(60)
                .forEach(e -> text.append("  ").append(e.key()).append(": ").append(e.describe()).append('\n'));
        return text.toString();
    }

    /** For reports: the dots of a key's expected siblings. */
    static List<Dot> expectedDots(SimCluster cluster, String key) {
        return List.copyOf(ConsistencyChecker.expectedSiblings(cluster.effects().stream()
                .filter(e -> e.key().equals(key)).toList()).keySet());
    }
}
