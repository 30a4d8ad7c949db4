package io.practicalsystems.crawler.dedup;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

/**
 * The words of a text as SimHash defines them — Unicode NFKC, lower case ({@link Locale#ROOT}), maximal runs of
 * letters and digits — as offsets into one char array instead of a String each. An ASCII text skips the
 * normaliser: NFKC leaves ASCII unchanged, its lower case is A-Z → a-z, and its letters and digits are exactly
 * A-Z, a-z and 0-9.
 */
final class Words {

    final char[] chars;
    final int[] starts;
    final int[] ends;
    final int count;

    private Words(char[] chars, int[] starts, int[] ends, int count) {
        this.chars = chars;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
    }

    static Words of(String text) {
        Words ascii = ascii(text);
        return ascii != null ? ascii : normalised(text);
    }

    /** The words of an ASCII text, or null when the text has a char above U+007F. */
    private static Words ascii(String text) {
        int length = text.length();
        char[] chars = new char[length];
        Bounds bounds = new Bounds(length);
        int start = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            chars[i] = c;
            boolean wordChar = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                bounds.add(start, i);
                start = -1;
            }
        }
        if (start >= 0) {
            bounds.add(start, length);
        }
        return bounds.words(chars);
    }

    private static Words normalised(String text) {
        char[] chars = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).toCharArray();
        Bounds bounds = new Bounds(chars.length);
        int start = -1;
        int i = 0;
        while (i < chars.length) {
            int codePoint = Character.codePointAt(chars, i);
            boolean wordChar = Character.isLetterOrDigit(codePoint);
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                bounds.add(start, i);
                start = -1;
            }
            i += Character.charCount(codePoint);
        }
        if (start >= 0) {
            bounds.add(start, chars.length);
        }
        return bounds.words(chars);
    }

    /** Growing arrays of word starts and ends. */
    private static final class Bounds {
        private int[] starts;
        private int[] ends;
        private int count;

        Bounds(int textLength) {
            int capacity = textLength / 6 + 4;
            starts = new int[capacity];
            ends = new int[capacity];
        }

        void add(int start, int end) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = end;
            count++;
        }

        Words words(char[] chars) {
            return new Words(chars, starts, ends, count);
        }
    }
}
