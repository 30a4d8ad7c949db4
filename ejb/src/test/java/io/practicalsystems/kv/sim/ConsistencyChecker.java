package io.practicalsystems.kv.sim;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Sibling;
import io.practicalsystems.kv.version.Versioned;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a finished, healed and settled simulation against what the writes that took effect allow.
 *
 * <p>Ground truth is the list of {@link WriteEffect}s (every coordinator update, acknowledged to the client or not).
 * A write's value may disappear only if another write's causal context covers its dot — that write overwrote it.
 * So once replicas converge, each key's siblings must be exactly the effects whose dots no other effect's context
 * covers. From that follow the properties the simulation is about:
 * <ul>
 * <li><b>no lost writes</b>: an acknowledged put or delete is still there unless causally overwritten;</li>
 * <li><b>siblings</b>: writes made concurrently (neither context covers the other) both survive;</li>
 * <li><b>no resurrection</b>: nothing overwritten comes back;</li>
 * <li><b>convergence</b>: every replica of every key holds the same versions (equal version digests), and nodes that
 * are not replicas of a key (stand-ins, former owners) no longer hold it.</li>
 * </ul>
 * Also checked: no dot issued twice for a key, acknowledged writes report the dot that was stored, and (strict
 * quorum, fixed ring, the read's R plus the write's W above N) a read invoked after a write was acknowledged sees
 * it: its context covers the write's dot.
 */
public final class ConsistencyChecker {

    private final SimCluster cluster;
    private final History history;
    private final List<String> violations = new ArrayList<>();

    private ConsistencyChecker(SimCluster cluster, History history) {
        this.cluster = cluster;
        this.history = history;
    }

    public static List<String> check(SimCluster cluster, History history, boolean readsMustSeeAckedWrites) {
        ConsistencyChecker checker = new ConsistencyChecker(cluster, history);
        Map<String, List<WriteEffect>> effects = new TreeMap<>();
        cluster.effects().forEach(effect -> effects.computeIfAbsent(effect.key(), k -> new ArrayList<>()).add(effect));
        Set<String> keys = new TreeSet<>(effects.keySet());
        cluster.allNodes().forEach(node -> keys.addAll(cluster.store(node).keys()));
        for (String key : keys) {
            checker.checkKey(key, effects.getOrDefault(key, List.of()));
        }
        checker.checkAcknowledgedWrites(effects);
        checker.checkEffectsUsedTheClientsContext();
        if (readsMustSeeAckedWrites) {
            checker.checkReadsSeeAcknowledgedWrites();
        }
        checker.checkReadsReturnWrittenValues(effects);
        return List.copyOf(checker.violations);
    }

    /** The siblings a key must end with: effects whose dot no other effect's context covers. */
    public static Map<Dot, WriteEffect> expectedSiblings(List<WriteEffect> effects) {
        Map<Dot, WriteEffect> expected = new TreeMap<>();
        for (WriteEffect effect : effects) {
            boolean overwritten = effects.stream().anyMatch(other -> other != effect
                    && other.context().covers(effect.dot()));
            if (!overwritten) {
                expected.put(effect.dot(), effect);
            }
        }
        return expected;
    }

    private void checkKey(String key, List<WriteEffect> effects) {
        Set<Dot> seen = new TreeSet<>();
        for (WriteEffect effect : effects) {
            if (!seen.add(effect.dot())) {
                violations.add(key + ": dot " + effect.dot() + " issued twice (" + effect.describe() + ")");
            }
        }
        List<NodeId> replicas = cluster.replicasOf(key);
        Map<NodeId, Optional<DottedVersionVectorSet<Blob>>> copies = new TreeMap<>();
        replicas.forEach(node -> copies.put(node, cluster.stored(node, key)));
        Set<String> digests = new TreeSet<>();
        copies.values().forEach(copy -> digests.add(copy.map(c -> HexFormat.of().formatHex(c.versionDigest()))
                .orElse("missing")));
        if (digests.size() > 1) {
            violations.add(key + ": replicas did not converge: " + describe(copies));
        }
        for (NodeId node : cluster.allNodes()) {
            if (!replicas.contains(node) && cluster.stored(node, key).isPresent()) {
                violations.add(key + ": non-replica " + node + " still holds " + cluster.stored(node, key).get());
            }
        }
        Optional<DottedVersionVectorSet<Blob>> finalCopy = copies.values().stream().flatMap(Optional::stream)
                .findFirst();
        Map<Dot, WriteEffect> expected = expectedSiblings(effects);
        Map<Dot, Versioned<Blob>> actual = new TreeMap<>();
        finalCopy.ifPresent(copy -> copy.siblings().forEach(s -> actual.put(s.dot(), s.value())));
        expected.forEach((dot, effect) -> {
            if (!actual.containsKey(dot)) {
                violations.add(key + ": LOST " + (acknowledged(key, dot) ? "ACKNOWLEDGED " : "unacknowledged ")
                        + effect.describe() + "; final " + finalCopy.map(Object::toString).orElse("nothing"));
            } else if (!sameValue(actual.get(dot), effect.value())) {
                violations.add(key + ": dot " + dot + " holds " + actual.get(dot) + " but was written as "
                        + effect.describe());
            }
        });
        actual.forEach((dot, value) -> {
            if (!expected.containsKey(dot)) {
                boolean everWritten = effects.stream().anyMatch(e -> e.dot().equals(dot));
                violations.add(key + ": unexpected sibling " + dot + "=" + value
                        + (everWritten ? " (overwritten, came back)" : " (never written)"));
            }
        });
    }

    private void checkAcknowledgedWrites(Map<String, List<WriteEffect>> effects) {
        for (Op op : history.ops()) {
            if (!op.isWrite() || op.outcome != Op.Outcome.OK) {
                continue;
            }
            Optional<WriteEffect> effect = effects.getOrDefault(op.key, List.of()).stream()
                    .filter(e -> e.dot().equals(op.dot)).findFirst();
            if (effect.isEmpty()) {
                violations.add("acknowledged " + op + " has no stored effect");
            } else if (op.kind == Op.Kind.PUT ? effect.get().value().isTombstone()
                    || !effect.get().value().value().utf8().equals(op.value) : !effect.get().value().isTombstone()) {
                violations.add("acknowledged " + op + " but its dot stored " + effect.get().describe());
            }
        }
    }

    /** A coordinator must version a write with exactly the context its client sent, no more and no less. */
    private void checkEffectsUsedTheClientsContext() {
        Map<String, Op> putsByValue = new TreeMap<>();
        history.ops().forEach(op -> {
            if (op.kind == Op.Kind.PUT) {
                putsByValue.put(op.value, op);
            }
        });
        for (WriteEffect effect : cluster.effects()) {
            Op op = effect.value().isTombstone() ? history.ops().stream()
                    .filter(o -> o.kind == Op.Kind.DELETE && o.key.equals(effect.key()) && effect.dot().equals(o.dot))
                    .findFirst().orElse(null)
                    : putsByValue.get(effect.value().value().utf8());
            if (effect.value().isTombstone() && op == null) {
                continue; // an unacknowledged delete: its dot is unknown to the history
            }
            if (op == null || !op.key.equals(effect.key())) {
                violations.add("effect without a matching client operation: " + effect.key() + " " + effect.describe());
            } else if (!op.sentContext.equals(effect.context())) {
                violations.add("coordinator used context " + effect.context() + " for " + op);
            }
        }
    }

    private void checkReadsSeeAcknowledgedWrites() {
        List<Op> ops = history.ops();
        int replicas = cluster.config().quorum().n();
        for (Op read : ops) {
            if (read.kind != Op.Kind.READ || read.outcome != Op.Outcome.OK) {
                continue;
            }
            for (Op write : ops) {
                if (write.isWrite() && write.outcome == Op.Outcome.OK && write.key.equals(read.key)
                        && read.quorum + write.quorum > replicas
                        && write.completedAt < read.invokedAt && !read.resultContext.covers(write.dot)) {
                    violations.add("stale read: " + read + " does not cover acknowledged " + write);
                }
            }
        }
    }

    private void checkReadsReturnWrittenValues(Map<String, List<WriteEffect>> effects) {
        for (Op read : history.ops()) {
            if (read.kind != Op.Kind.READ || read.outcome != Op.Outcome.OK) {
                continue;
            }
            Set<String> written = new TreeSet<>();
            effects.getOrDefault(read.key, List.of()).forEach(e -> {
                if (!e.value().isTombstone()) {
                    written.add(e.value().value().utf8());
                }
            });
            for (String value : read.readValues) {
                if (!written.contains(value)) {
                    violations.add("phantom read: " + read + " returned '" + value + "', never written");
                }
            }
        }
    }

    private boolean acknowledged(String key, Dot dot) {
        return history.ops().stream().anyMatch(op -> op.isWrite() && op.outcome == Op.Outcome.OK
                && op.key.equals(key) && dot.equals(op.dot));
    }

    private static boolean sameValue(Versioned<Blob> a, Versioned<Blob> b) {
        return a.isTombstone() == b.isTombstone()
                && (a.isTombstone() || Arrays.equals(a.value().bytes(), b.value().bytes()));
    }

    private static String describe(Map<NodeId, Optional<DottedVersionVectorSet<Blob>>> copies) {
        StringBuilder text = new StringBuilder();
        copies.forEach((node, copy) -> text.append(node).append('=')
                .append(copy.map(c -> c.siblings().stream().map(Sibling::dot).toList() + " h" + c.history())
                        .orElse("missing"))
                .append("; "));
        return text.toString();
    }
}
