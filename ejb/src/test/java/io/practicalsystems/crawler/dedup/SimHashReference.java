package io.practicalsystems.crawler.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The first {@link SimHash} implementation, kept as the oracle of the fast one: the fingerprint's definition in its
 * plainest form (String words, one FNV-1a pass per shingle, one vote per bit and shingle). SimHashOraclePropertyTest
 * requires the fast one to give identical values on random texts; stored fingerprints depend on it.
 */
final class SimHashReference {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHashReference() {
    }

    /** The SimHash of {@code text} over shingles of {@code shingleWords} words (all words if the text has fewer). */
    static long of(String text, int shingleWords) {
        if (shingleWords < 1) {
            throw new IllegalArgumentException("A shingle has at least one word.");
        }
        List<String> words = words(text);
        if (words.isEmpty()) {
            return 0L;
        }
        int width = Math.min(shingleWords, words.size());
        int[] votes = new int[64];
        for (int start = 0; start + width <= words.size(); start++) {
            long hash = shingleHash(words, start, width);
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((hash >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long simHash = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                simHash |= 1L << bit;
            }
        }
        return simHash;
    }

    /** The words SimHash is computed over: NFKC, lower case, maximal runs of letters and digits. */
    static List<String> words(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        int start = -1;
        int i = 0;
        while (i < normalised.length()) {
            int codePoint = normalised.codePointAt(i);
            boolean wordChar = Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(normalised.substring(start, i));
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            words.add(normalised.substring(start));
        }
        return words;
    }

    private static long shingleHash(List<String> words, int start, int width) {
        long hash = FNV_OFFSET_BASIS;
        for (int w = start; w < start + width; w++) {
            if (w > start) {
                hash = fnv(hash, ' ');
            }
            String word = words.get(w);
            for (int i = 0; i < word.length(); i++) {
                hash = fnv(hash, word.charAt(i));
            }
        }
        return SimHash.fmix64(hash);
    }

    private static long fnv(long hash, char c) {
        hash = (hash ^ (c & 0xFF)) * FNV_PRIME;
        return (hash ^ (c >>> 8)) * FNV_PRIME;
    }
}
