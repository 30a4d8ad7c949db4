package io.practicalsystems.kv.coordinator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Which replicas a read asks. {@linkplain #ALL All N} at once, as in the Dynamo paper: the most read repair, and N
 * replicas' work for every read. Or {@linkplain #quorum(Duration) only R}, the coordinator's own copy first: a third
 * less work per read at N=3, R=2, with one more replica asked as soon as one of them fails, or once
 * {@code speculateAfter} passes without a quorum (Cassandra's speculative retry), so a slow or silent replica costs a
 * read that delay rather than the transport's timeout. The price: read repair only sees the replicas asked, so a
 * stale replica outside them waits for anti-entropy.
 *
 * @param askAll         ask all N replicas at once
 * @param speculateAfter quorum fan-out only: how long to wait for R answers before asking one more replica
 */
public record ReadFanout(boolean askAll, Duration speculateAfter) {

    /** Every replica at once. */
    public static final ReadFanout ALL = new ReadFanout(true, Duration.ZERO);

    public ReadFanout {
        Objects.requireNonNull(speculateAfter, "speculateAfter");
        if (!askAll && (speculateAfter.isNegative() || speculateAfter.isZero())) {
            throw new IllegalArgumentException("the speculative-read delay must be positive, got " + speculateAfter);
        }
    }

    /** R replicas, one more after {@code speculateAfter} or a failure. */
    public static ReadFanout quorum(Duration speculateAfter) {
        return new ReadFanout(false, speculateAfter);
    }

    /**
     * Parses the configuration's form: {@code all}, or {@code quorum} with the given delay.
     *
     * @throws IllegalArgumentException for anything else, or a delay that is not positive
     */
    public static ReadFanout parse(String mode, Duration speculateAfter) {
        String name = mode == null ? "" : mode.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "all" -> ALL;
            case "quorum" -> quorum(speculateAfter);
            default -> throw new IllegalArgumentException("read fan-out must be 'all' or 'quorum', got '" + mode + "'");
        };
    }

    /** How many of {@code replicas} a read asks before any of them fails or is late. */
    int initialAsks(int replicas, int r) {
        return askAll ? replicas : Math.min(r, replicas);
    }
}
