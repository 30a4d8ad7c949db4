package io.practicalsystems.crawler.dedup;

import java.util.ArrayList;
import java.util.List;

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
 * the normalisation or the shingle size makes old fingerprints incomparable. (The computation is built for speed —
 * word offsets instead of Strings, ASCII texts not normalised since NFKC leaves them as they are, each shingle's
 * hash carried across its words, votes counted eight bits at a time — and gives exactly the values of the plain
 * definition above, which the tests keep as an oracle.)
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
    /** (h ^ 0) * P * P = h * P², multiplication modulo 2^64 being associative. */
    private static final long FNV_PRIME_SQUARED = FNV_PRIME * FNV_PRIME;

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
        Words words = Words.of(text);
        if (words.count == 0) {
            return 0L;
        }
        int width = Math.min(shingleWords, words.count);
        int shingles = words.count - width + 1;
        // One pass over the words: word w extends every shingle that covers it (at most `width`, each in its own
        // slot), so each shingle's FNV-1a state is carried from word to word instead of rehashing from a String.
        long[] states = new long[width];
        BitVotes votes = new BitVotes();
        for (int w = 0; w < words.count; w++) {
            int last = Math.min(w, shingles - 1);
            for (int shingle = Math.max(0, w - width + 1); shingle <= last; shingle++) {
                int slot = shingle % width;
                long hash = shingle == w ? FNV_OFFSET_BASIS : fnv(states[slot], ' ');
                hash = fnv(hash, words.chars, words.starts[w], words.ends[w]);
                if (w == shingle + width - 1) {
                    votes.add(fmix64(hash));
                } else {
                    states[slot] = hash;
                }
            }
        }
        return votes.majority(shingles);
    }

    /** How many bits differ between two fingerprints (0 to 64). */
    public static int hamming(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The words SimHash is computed over: NFKC, lower case, maximal runs of letters and digits. */
    static List<String> words(String text) {
        Words words = Words.of(text);
        List<String> list = new ArrayList<>(words.count);
        for (int w = 0; w < words.count; w++) {
            list.add(new String(words.chars, words.starts[w], words.ends[w] - words.starts[w]));
        }
        return list;
    }

    private static long fnv(long hash, char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            hash = fnv(hash, chars[i]);
        }
        return hash;
    }

    /** FNV-1a over the char's two bytes, low first; a char below 256 has a zero high byte: one multiply by P². */
    private static long fnv(long hash, char c) {
        if (c < 0x100) {
            return (hash ^ c) * FNV_PRIME_SQUARED;
        }
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
