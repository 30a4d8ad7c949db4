package io.practicalsystems.kv.ring;

/**
 * An arc of the ring: positions after {@code start} up to and including {@code end}, going clockwise.
 *
 * <p>A range wraps when {@code start >= end}: {@code (start, MAX_VALUE] ∪ [MIN_VALUE, end]}. The one range with
 * {@code start == end} is the whole ring, which is what a ring with a single token owns.
 *
 * @param start exclusive
 * @param end   inclusive; the token whose owner holds this range
 */
public record TokenRange(long start, long end) {

    public boolean wraps() {
        return start >= end;
    }

    public boolean isWholeRing() {
        return start == end;
    }

    public boolean contains(long position) {
        if (start < end) {
            return position > start && position <= end;
        }
        if (start > end) {
            return position > start || position <= end;
        }
        return true;
    }

    /**
     * The fraction of the ring this range covers, 0 (exclusive) to 1 (inclusive); for reporting ownership.
     * Computed in unsigned arithmetic so a range spanning most of the 2^64 positions does not overflow.
     */
    public double fractionOfRing() {
        if (isWholeRing()) {
            return 1.0;
        }
        long width = end - start; // overflows modulo 2^64 into exactly the clockwise distance, read as unsigned
        double unsigned = width >= 0 ? (double) width : (double) width + 0x1p64;
        return unsigned / 0x1p64;
    }

    @Override
    public String toString() {
        return "(" + start + ", " + end + "]";
    }
}
