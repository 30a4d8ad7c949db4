package io.practicalsystems.kv.coordinator;

import java.util.Objects;

/**
 * Replication settings of a cluster: N copies of each key, R answers for a read, W acknowledgements for a write.
 *
 * @param n    replicas per key; at most the number of nodes (checked against the ring when a request is placed)
 * @param r    replicas that must answer a read, 1..n
 * @param w    replicas that must acknowledge a write, 1..n
 * @param mode strict or sloppy quorum
 */
public record QuorumConfig(int n, int r, int w, QuorumMode mode) {

    public QuorumConfig {
        Objects.requireNonNull(mode, "mode");
        if (n < 1) {
            throw new IllegalArgumentException("N (replicas per key) must be >= 1, got " + n);
        }
        if (r < 1 || r > n) {
            throw new IllegalArgumentException("R must be 1..N (" + n + "), got " + r);
        }
        if (w < 1 || w > n) {
            throw new IllegalArgumentException("W must be 1..N (" + n + "), got " + w);
        }
    }

    /**
     * Parses the {@code N/R/W} form used in configuration, e.g. {@code "3/2/2"}.
     *
     * @throws IllegalArgumentException if malformed or invalid
     */
    public static QuorumConfig parse(String spec, QuorumMode mode) {
        String[] parts = spec == null ? new String[0] : spec.trim().split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("quorum must look like 3/2/2 (N/R/W), got '" + spec + "'");
        }
        try {
            return new QuorumConfig(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()), mode);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("quorum must look like 3/2/2 (N/R/W), got '" + spec + "'", e);
        }
    }

    /** This cluster's settings with one request's R and/or W; validated against N like the originals. */
    public QuorumConfig with(RequestOverrides overrides) {
        int requestR = overrides.r().orElse(r);
        int requestW = overrides.w().orElse(w);
        if (requestR < 1 || requestR > n || requestW < 1 || requestW > n) {
            throw new IllegalArgumentException("per-request R and W must be 1..N (" + n + "), got R=" + requestR
                    + ", W=" + requestW);
        }
        return new QuorumConfig(n, requestR, requestW, mode);
    }

    /** R + W > N: every read quorum overlaps every write quorum (among the preferred nodes, in strict mode). */
    public boolean readsOverlapWrites() {
        return r + w > n;
    }

    /** The {@code N/R/W} form, e.g. {@code "3/2/2"}. */
    public String spec() {
        return n + "/" + r + "/" + w;
    }
}
