package io.practicalsystems.idgen;

import java.util.Locale;

/**
 * The clock reads earlier than the last issued timestamp (or the high-water mark persisted before a restart) by more
 * than the configured tolerance, so issuing now could repeat IDs. Nothing was issued and the generator's state was
 * not changed; callers may retry after {@link #retryAfterMillis()}.
 */
public final class ClockMovedBackwardsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long driftMillis;
    private final long toleranceMillis;
    private final long retryAfterMillis;

    public ClockMovedBackwardsException(long driftMillis, long toleranceMillis, long retryAfterMillis) {
        super(String.format(Locale.ROOT,
                "clock moved backwards: it is %,d ms behind the last issued timestamp (or the high-water mark "
                        + "persisted before a restart), more than the %,d ms tolerance; refusing to issue IDs, "
                        + "retry in %,d ms",
                driftMillis, toleranceMillis, retryAfterMillis));
        this.driftMillis = driftMillis;
        this.toleranceMillis = toleranceMillis;
        this.retryAfterMillis = retryAfterMillis;
    }

    /** How far (ms) the clock is behind the last issued timestamp. */
    public long driftMillis() {
        return driftMillis;
    }

    public long toleranceMillis() {
        return toleranceMillis;
    }

    /** How long (ms) until the clock, ticking normally, is past the last issued timestamp again. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
