package io.practicalsystems.kv.ring;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How evenly a ring spreads a sample of keys over its nodes, counting each key at its primary node.
 *
 * <p>The number that matters is the {@linkplain #coefficientOfVariation() coefficient of variation}
 * (stddev / mean): with few vnodes per node the arcs between tokens differ wildly in length, so some nodes own far
 * more of the ring than others; more vnodes average that out, roughly as 1/sqrt(vnodes).
 *
 * @param keysPerNode every node of the ring, including those that received no key
 */
public record KeySpread(Map<NodeId, Long> keysPerNode, long keys, double mean, double stddev, long min, long max) {

    public KeySpread {
        keysPerNode = Collections.unmodifiableMap(new TreeMap<>(keysPerNode));
    }

    /** Counts {@code sample} over {@code ring}'s nodes; population (not sample) standard deviation. */
    public static KeySpread measure(HashRing ring, Iterable<byte[]> sample) {
        Map<NodeId, Long> counts = new TreeMap<>();
        ring.nodes().forEach(node -> counts.put(node, 0L));
        long keys = 0;
        for (byte[] key : sample) {
            counts.merge(ring.primaryFor(key), 1L, Long::sum);
            keys++;
        }
        double mean = (double) keys / counts.size();
        double squares = 0;
        for (long count : counts.values()) {
            squares += (count - mean) * (count - mean);
        }
        double stddev = Math.sqrt(squares / counts.size());
        long min = counts.values().stream().mapToLong(Long::longValue).min().orElse(0);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(0);
        return new KeySpread(counts, keys, mean, stddev, min, max);
    }

    /** stddev / mean: 0 is perfectly even; 0.1 means a typical node is about 10 % off the mean. */
    public double coefficientOfVariation() {
        return mean == 0 ? 0 : stddev / mean;
    }

    /** The busiest node's load relative to the mean: what capacity planning has to provision for. */
    public double maxOverMean() {
        return mean == 0 ? 0 : max / mean;
    }

    /** One Markdown table row: {@code | vnodes | mean | stddev | min | max | CV | max/mean |}. */
    public String markdownRow(int vnodesPerNode) {
        return String.format(Locale.ROOT, "| %d | %.0f | %.1f | %d | %d | %.3f | %.2f |", vnodesPerNode, mean, stddev,
                min, max, coefficientOfVariation(), maxOverMean());
    }

    public static String markdownHeader() {
        return "| vnodes/node | mean | stddev | min | max | CV (stddev/mean) | max/mean |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|";
    }
}
