package io.practicalsystems.crawler.dedup;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Charikar's SimHash: a 64-bit fingerprint of a text such that similar texts differ in few bits. The text is
 * normalised (Unicode NFKC, lower case), split into words (runs of letters and digits), and every run of
 * {@link #DEFAULT_SHINGLE_WORDS} consecutive words (a shingle) is hashed to 64 bits; each bit of the result is set
 * when more shingles have that bit set than not. A small edit changes only the shingles around it, so only a few
 * bits; unrelated texts differ in about half the bits.
 *
 * <p>The feature hash is 64-bit FNV-1a over the shingle's UTF-16 code units (two bytes each, words separated by a
 * space) followed by MurmurHash3's 64-bit finaliser ({@code fmix64}): FNV-1a alone mixes its high bits poorly for short
 * inputs, and SimHash needs every bit to be an independent coin flip. No hashing library is on the classpath, and
 * these two well-known functions are a few lines each. The value is part of stored fingerprints: changing the hash,
 * the normalisation or the shingle size makes old fingerprints incomparable.
 *
 * <p>Choosing the near-duplicate threshold k (measured in SimHashTest on a 114-word text): replacing one word moves
 * 5 bits on average and 10 at most, since it changes 3 of the 112 shingles; unrelated texts differ in about 32 bits.
 * Two unrelated fingerprints fall within k bits with probability sum(C(64,i), i ≤ k) / 2^64: 2e-15 for k = 3,
 * 5e-12 for k = 6, 1e-8 for k = 10. So k = 3 (the value for large documents in Manku et al., WWW 2007) misses
 * small edits on short pages; 6 to 10 catches them at a negligible false-positive rate, at the price of narrower
 * bands in {@link NearDuplicateBands} and so more candidates to compare.
 */
public final class SimHash {

    public static final int DEFAULT_SHINGLE_WORDS = 3;

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private SimHash() {
    }

    /** The SimHash of {@code text} over 3-word shingles; 0 for a text without words. */
    public static long of(String text) {
        return of(text, DEFAULT_SHINGLE_WORDS);
    }

    /** The SimHash of {@code text} over shingles of {@code shingleWords} words (all words if the text has fewer). */
    public static long of(String text, int shingleWords) {
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

    /** How many bits differ between two fingerprints (0 to 64). */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
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
        return fmix64(hash);
    }

    private static long fnv(long hash, char c) {
        hash = (hash ^ (c & 0xFF)) * FNV_PRIME;
        return (hash ^ (c >>> 8)) * FNV_PRIME;
    }

    /** MurmurHash3's 64-bit finaliser: every input bit affects every output bit with probability about 1/2. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
