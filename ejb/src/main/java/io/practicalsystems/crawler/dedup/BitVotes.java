package io.practicalsystems.crawler.dedup;

/**
 * SimHash's vote per bit over many 64-bit hashes, eight bits at a time: each byte of a hash is spread into eight
 * one-byte counters of a long ({@link #SPREAD}: byte i of {@code SPREAD[b]} is bit i of b) and added as one long, so
 * a hash costs eight table reads and adds instead of 64 branches. A counter byte holds at most 255, so the counters
 * are moved into ints every 255 hashes.
 */
final class BitVotes {

    private static final int FLUSH_EVERY = 255;
    private static final long[] SPREAD = new long[256];

    static {
        for (int b = 0; b < 256; b++) {
            long spread = 0;
            for (int bit = 0; bit < 8; bit++) {
                spread |= (long) ((b >>> bit) & 1) << (8 * bit);
            }
            SPREAD[b] = spread;
        }
    }

    /** lanes[k] byte i counts bit 8k + i in the hashes since the last flush. */
    private final long[] lanes = new long[8];
    private final int[] ones = new int[64];
    private int pending;

    void add(long hash) {
        for (int k = 0; k < 8; k++) {
            lanes[k] += SPREAD[(int) (hash >>> (8 * k)) & 0xFF];
        }
        if (++pending == FLUSH_EVERY) {
            flush();
        }
    }

    /** The bits set in more than half of the {@code total} hashes added (a tie leaves the bit clear). */
    long majority(int total) {
        flush();
        long result = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (2L * ones[bit] > total) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    private void flush() {
        for (int k = 0; k < 8; k++) {
            for (int i = 0; i < 8; i++) {
                ones[8 * k + i] += (int) ((lanes[k] >>> (8 * i)) & 0xFF);
            }
            lanes[k] = 0;
        }
        pending = 0;
    }
}
