package io.practicalsystems.crawler.dedup;

import java.util.ArrayList;
import java.util.List;

/**
 * Locality-sensitive band keys for SimHash fingerprints: the 64 bits are cut into {@code maxDistance + 1} bands, so
 * two fingerprints that differ in at most {@code maxDistance} bits agree exactly on at least one band (pigeonhole:
 * fewer differing bits than bands leaves one band untouched). The pipeline keeps one Redis set per band key; a new
 * page's candidates are the members of its band keys' sets, and only those are compared bit by bit. Fewer bands mean
 * wider bands and fewer false candidates, so the maximum distance is limited to keep bands at least 4 bits wide.
 */
public final class NearDuplicateBands {

    /** Highest maximum distance accepted: 16 bands of 4 bits. */
    public static final int MAX_DISTANCE_LIMIT = 15;

    private final int maxDistance;
    private final int[] shifts;
    private final int[] widths;

    public NearDuplicateBands(int maxDistance) {
        if (maxDistance < 0 || maxDistance > MAX_DISTANCE_LIMIT) {
            throw new IllegalArgumentException("The near-duplicate distance must be 0 to " + MAX_DISTANCE_LIMIT
                    + " bits.");
        }
        this.maxDistance = maxDistance;
        int bands = maxDistance + 1;
        shifts = new int[bands];
        widths = new int[bands];
        int shift = 0;
        for (int band = 0; band < bands; band++) {
            widths[band] = 64 / bands + (band < 64 % bands ? 1 : 0);
            shifts[band] = shift;
            shift += widths[band];
        }
    }

    public int maxDistance() {
        return maxDistance;
    }

    public int bands() {
        return shifts.length;
    }

    /** One key per band, {@code "<band>:<bits as hex>"}; equal keys mean the band's bits are equal. */
    public List<String> keys(long simHash) {
        List<String> keys = new ArrayList<>(bands());
        for (int band = 0; band < bands(); band++) {
            keys.add(band + ":" + Long.toHexString(bandBits(simHash, band)));
        }
        return keys;
    }

    /** Whether the two fingerprints agree on some band, i.e. would find each other as candidates. */
    public boolean shareBand(long a, long b) {
        for (int band = 0; band < bands(); band++) {
            if (bandBits(a, band) == bandBits(b, band)) {
                return true;
            }
        }
        return false;
    }

    private long bandBits(long simHash, int band) {
        long mask = widths[band] == 64 ? -1L : (1L << widths[band]) - 1;
        return (simHash >>> shifts[band]) & mask;
    }
}
