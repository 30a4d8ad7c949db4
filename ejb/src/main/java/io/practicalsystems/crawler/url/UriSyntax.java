package io.practicalsystems.crawler.url;

import java.nio.charset.StandardCharsets;

/** RFC 3986 syntax steps the normaliser is built from: splitting a reference, percent-encoding, dot segments. */
final class UriSyntax {

    /** A reference split as RFC 3986 appendix B does; {@code null} marks an absent component. */
    record Reference(String scheme, String authority, String path, String query, String fragment) {
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriSyntax() {
    }

    /**
     * Removes what browsers ignore in an href (WHATWG URL): leading and trailing spaces and controls, tabs and line
     * breaks anywhere; and reads a backslash before the query as a slash, as browsers do for http(s).
     */
    static String clean(String raw) {
        int start = 0;
        int end = raw.length();
        while (start < end && raw.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && raw.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder out = new StringBuilder(end - start);
        boolean beforeQuery = true;
        for (int i = start; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                continue;
            }
            if (c == '?' || c == '#') {
                beforeQuery = false;
            }
            out.append(c == '\\' && beforeQuery ? '/' : c);
        }
        return out.toString();
    }

    /** Splits {@code s} into scheme, authority, path, query and fragment (RFC 3986 appendix B). */
    static Reference split(String s) {
        int length = s.length();
        int i = 0;
        String scheme = null;
        int colon = s.indexOf(':');
        if (colon > 0 && colon < indexOfAny(s, "/?#", 0) && isScheme(s, colon)) {
            scheme = s.substring(0, colon);
            i = colon + 1;
        }
        String authority = null;
        if (s.startsWith("//", i)) {
            int end = indexOfAny(s, "/?#", i + 2);
            authority = s.substring(i + 2, end);
            i = end;
        }
        int pathEnd = indexOfAny(s, "?#", i);
        String path = s.substring(i, pathEnd);
        i = pathEnd;
        String query = null;
        if (i < length && s.charAt(i) == '?') {
            int end = s.indexOf('#', i);
            end = end < 0 ? length : end;
            query = s.substring(i + 1, end);
            i = end;
        }
        String fragment = i < length ? s.substring(i + 1) : null;
        return new Reference(scheme, authority, path, query, fragment);
    }

    /**
     * Normalises percent-encoding (RFC 3986 6.2.2.2): escapes of unreserved characters are decoded, other escapes get
     * upper-case hex, and every character not allowed raw in a path (or query) is encoded as UTF-8 escapes, a
     * {@code %} that starts no escape included.
     */
    static String normalizeEncoding(String s, boolean query) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hexValue(s.charAt(i + 1)) >= 0 && hexValue(s.charAt(i + 2)) >= 0) {
                int b = hexValue(s.charAt(i + 1)) * 16 + hexValue(s.charAt(i + 2));
                if (isUnreserved(b)) {
                    out.append((char) b);
                } else {
                    appendEscape(out, b);
                }
                i += 3;
            } else if (isAllowedRaw(c, query)) {
                out.append(c);
                i++;
            } else {
                int codePoint = s.codePointAt(i);
                int width = Character.charCount(codePoint);
                if (Character.isSurrogate((char) codePoint)) {
                    codePoint = 0xFFFD; // an unpaired surrogate has no UTF-8 form; browsers send U+FFFD
                }
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
                i += width;
            }
        }
        return out.toString();
    }

    /** RFC 3986 5.2.4, in one pass over {@code input} (no copying per step, so long paths stay linear). */
    static String removeDotSegments(String input) {
        StringBuilder out = new StringBuilder(input.length());
        int i = 0;
        int n = input.length();
        while (i < n) {
            if (input.startsWith("../", i)) {
                i += 3;
            } else if (input.startsWith("./", i)) {
                i += 2;
            } else if (input.startsWith("/./", i)) {
                i += 2;
            } else if (input.startsWith("/.", i) && i + 2 == n) {
                out.append('/');
                i = n;
            } else if (input.startsWith("/../", i)) {
                i += 3;
                removeLastSegment(out);
            } else if (input.startsWith("/..", i) && i + 3 == n) {
                removeLastSegment(out);
                out.append('/');
                i = n;
            } else if ((input.startsWith(".", i) && i + 1 == n) || (input.startsWith("..", i) && i + 2 == n)) {
                i = n;
            } else {
                int next = input.indexOf('/', input.charAt(i) == '/' ? i + 1 : i);
                next = next < 0 ? n : next;
                out.append(input, i, next);
                i = next;
            }
        }
        return out.toString();
    }

    /** RFC 3986 5.2.3 for a base that has an authority (so a non-empty path starting with "/"). */
    static String merge(String basePath, String referencePath) {
        int slash = basePath.lastIndexOf('/');
        return (slash < 0 ? "/" : basePath.substring(0, slash + 1)) + referencePath;
    }

    static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isAllowedRaw(char c, boolean query) {
        return isUnreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0 || (query && c == '?');
    }

    private static void removeLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }

    private static void appendEscape(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }

    private static int hexValue(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80 ? Character.digit(c, 16) : -1;
    }

    private static boolean isScheme(String s, int end) {
        if (!isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < end; i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
