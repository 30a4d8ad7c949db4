package io.practicalsystems.idgen;

import java.util.Locale;

/** Every worker ID in the configured range is leased by another instance. */
public final class NoWorkerIdAvailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int minWorkerId;
    private final int maxWorkerId;

    public NoWorkerIdAvailableException(int minWorkerId, int maxWorkerId) {
        super(String.format(Locale.ROOT,
                "all %,d worker IDs in range %d..%d are leased by other instances; stop one or widen the range",
                (long) maxWorkerId - minWorkerId + 1, minWorkerId, maxWorkerId));
        this.minWorkerId = minWorkerId;
        this.maxWorkerId = maxWorkerId;
    }

    public int minWorkerId() {
        return minWorkerId;
    }

    public int maxWorkerId() {
        return maxWorkerId;
    }
}
