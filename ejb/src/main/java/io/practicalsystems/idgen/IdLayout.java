package io.practicalsystems.idgen;

import java.util.Locale;

/**
 * How the 63 usable bits of an ID are split between timestamp, worker ID and per-millisecond sequence.
 *
 * <p>Bit 63 (the sign bit) is always 0 so IDs are positive and sort identically whether a consumer treats them as
 * signed or unsigned. The timestamp sits in the high bits so that numeric order is (roughly) time order.
 *
 * @param timestampBits milliseconds since the generator's epoch; at least 30 bits (about 12 days) so a layout
 *                      cannot silently wrap within a deployment's lifetime
 * @param workerBits    bits for the worker (instance) ID; at most 20 so worker IDs fit an {@code int} range scan
 * @param sequenceBits  bits for the per-millisecond counter; at most 22 (4M IDs/ms is already far beyond a CAS)
 */
public record IdLayout(int timestampBits, int workerBits, int sequenceBits) {

    /** Twitter's original split: 41 bits of ms (~69 years), 1024 workers, 4096 IDs per ms per worker. */
    public static final IdLayout DEFAULT = new IdLayout(41, 10, 12);

    static final int USABLE_BITS = 63;
    static final int MIN_TIMESTAMP_BITS = 30;
    static final int MAX_WORKER_BITS = 20;
    static final int MAX_SEQUENCE_BITS = 22;

    public IdLayout {
        requirePositive("timestampBits", timestampBits);
        requirePositive("workerBits", workerBits);
        requirePositive("sequenceBits", sequenceBits);
        if (timestampBits < MIN_TIMESTAMP_BITS) {
            throw new IllegalArgumentException("timestampBits must be >= " + MIN_TIMESTAMP_BITS + " (got "
                    + timestampBits + "): fewer bits would run out of timestamps within days");
        }
        if (workerBits > MAX_WORKER_BITS) {
            throw new IllegalArgumentException(
                    "workerBits must be <= " + MAX_WORKER_BITS + " (got " + workerBits + ")");
        }
        if (sequenceBits > MAX_SEQUENCE_BITS) {
            throw new IllegalArgumentException(
                    "sequenceBits must be <= " + MAX_SEQUENCE_BITS + " (got " + sequenceBits + ")");
        }
        // Checked in long arithmetic so absurd inputs cannot overflow into a "valid" sum.
        long sum = (long) timestampBits + workerBits + sequenceBits;
        if (sum != USABLE_BITS) {
            throw new IllegalArgumentException("timestampBits + workerBits + sequenceBits must be " + USABLE_BITS
                    + " (the sign bit stays 0), got " + timestampBits + " + " + workerBits + " + " + sequenceBits
                    + " = " + sum);
        }
    }

    /**
     * Parses the {@code timestamp/worker/sequence} form used in configuration, e.g. {@code "41/10/12"}.
     *
     * @throws IllegalArgumentException if the text is malformed or describes an invalid layout
     */
    public static IdLayout parse(String spec) {
        if (spec == null) {
            throw new IllegalArgumentException("ID layout must look like 41/10/12 (timestamp/worker/sequence bits), got null");
        }
        String[] parts = spec.trim().split("/", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "ID layout must look like 41/10/12 (timestamp/worker/sequence bits), got '" + spec + "'");
        }
        try {
            return new IdLayout(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                    Integer.parseInt(parts[2].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "ID layout must look like 41/10/12 (timestamp/worker/sequence bits), got '" + spec + "'", e);
        }
    }

    /** The inverse of {@link #parse(String)}, e.g. {@code "41/10/12"}. */
    public String spec() {
        return timestampBits + "/" + workerBits + "/" + sequenceBits;
    }

    public long maxWorkerId() {
        return (1L << workerBits) - 1;
    }

    public long maxSequence() {
        return (1L << sequenceBits) - 1;
    }

    public long maxTimestamp() {
        return (1L << timestampBits) - 1;
    }

    public int workerCount() {
        return 1 << workerBits;
    }

    /**
     * Assembles an ID from its parts.
     *
     * @throws IllegalArgumentException if any part does not fit its bit field
     */
    public long encode(long timestampSinceEpoch, long workerId, long sequence) {
        requireInRange("timestampSinceEpoch", timestampSinceEpoch, maxTimestamp());
        requireInRange("workerId", workerId, maxWorkerId());
        requireInRange("sequence", sequence, maxSequence());
        return (timestampSinceEpoch << (workerBits + sequenceBits)) | (workerId << sequenceBits) | sequence;
    }

    /**
     * Splits an ID into its parts. Every non-negative long decodes (the fields cover all 63 bits).
     *
     * @throws IllegalArgumentException if {@code id} is negative, which no layout can produce
     */
    public DecodedId decode(long id) {
        if (id < 0) {
            throw new IllegalArgumentException("IDs are never negative, got " + id);
        }
        return new DecodedId(id, id >>> (workerBits + sequenceBits), (id >>> sequenceBits) & maxWorkerId(),
                id & maxSequence());
    }

    private static void requirePositive(String name, int bits) {
        if (bits < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, got " + bits);
        }
    }

    private void requireInRange(String name, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s must be in 0..%d for layout %s, got %d", name, max, spec(), value));
        }
    }
}
