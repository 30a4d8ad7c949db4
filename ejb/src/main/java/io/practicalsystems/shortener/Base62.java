package io.practicalsystems.shortener;

/**
 * Base62 encoding of non-negative {@code long}s: the short codes of generated links.
 *
 * <p>The alphabet is {@code 0-9A-Za-z} in ASCII order, so for two codes of equal length lexicographic (String)
 * order is numeric order, and ordering by (length, string) is numeric order for any two codes. Snowflake IDs grow
 * with time, so codes sort by creation time too. {@link Long#MAX_VALUE} is {@code AzL8n0Y58m7}: at most
 * {@value #MAX_LENGTH} characters.
 *
 * <p>Decoding is strict: only the canonical form is accepted (no leading {@code 0} except the code {@code "0"}
 * itself), so each ID has exactly one code and each code exactly one ID. Otherwise {@code "0abc"} and
 * {@code "abc"} would be two cache keys and two stats rows for one link.
 */
public final class Base62 {

    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    public static final int BASE = 62;
    /** Length of {@code encode(Long.MAX_VALUE)}. */
    public static final int MAX_LENGTH = 11;

    private Base62() {
    }

    /**
     * @throws IllegalArgumentException if {@code value} is negative (the sign bit of a Snowflake ID is always 0)
     */
    public static String encode(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("Base62 encodes non-negative values only, got " + value);
        }
        if (value == 0) {
            return "0";
        }
        char[] digits = new char[MAX_LENGTH];
        int start = MAX_LENGTH;
        while (value > 0) {
            digits[--start] = ALPHABET.charAt((int) (value % BASE));
            value /= BASE;
        }
        return new String(digits, start, MAX_LENGTH - start);
    }

    /**
     * @throws IllegalArgumentException if {@code code} is null or empty, has a character outside the alphabet, has a
     *                                  leading {@code 0}, or is larger than {@link Long#MAX_VALUE}
     */
    public static long decode(String code) {
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("Base62 code must not be empty");
        }
        if (code.length() > 1 && code.charAt(0) == '0') {
            throw new IllegalArgumentException("Base62 code must not have leading zeros: '" + code + "'");
        }
        long value = 0;
        for (int i = 0; i < code.length(); i++) {
            int digit = digitOf(code.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException(
                        "'" + code + "' is not Base62: character " + i + " is outside 0-9A-Za-z");
            }
            // value * 62 + digit > MAX  <=>  value > (MAX - digit) / 62, checked before it can overflow.
            if (value > (Long.MAX_VALUE - digit) / BASE) {
                throw new IllegalArgumentException("Base62 code '" + code + "' is larger than Long.MAX_VALUE");
            }
            value = value * BASE + digit;
        }
        return value;
    }

    /**
     * Whether {@code s} is non-empty and made only of Base62 digits. A character-set test: it does not check the
     * canonical form or the range, which {@link #decode(String)} does.
     */
    public static boolean isBase62(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (digitOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int digitOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }
}
