package io.practicalsystems.kv.version;

/**
 * How two version vectors relate causally.
 *
 * <p>{@link #EQUAL} and {@link #CONCURRENT} are deliberately different answers: equal vectors describe the same
 * history (keep one copy), concurrent ones describe divergent histories (keep both, as siblings).
 */
public enum Ordering {
    /** This happened before the other: the other has seen everything this has, and more. */
    BEFORE,
    /** This happened after the other: it has seen everything the other has, and more. */
    AFTER,
    /** Same history. */
    EQUAL,
    /** Neither has seen everything the other has. */
    CONCURRENT;

    /** The answer with the arguments swapped: {@code a.compare(b).inverse() == b.compare(a)}. */
    public Ordering inverse() {
        return switch (this) {
            case BEFORE -> AFTER;
            case AFTER -> BEFORE;
            default -> this;
        };
    }
}
