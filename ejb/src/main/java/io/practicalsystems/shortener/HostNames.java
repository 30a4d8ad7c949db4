package io.practicalsystems.shortener;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns the host part of a URL into one canonical spelling, so that rules comparing hosts (blocked domains, the
 * shortener's own host, referrer statistics) cannot be dodged by writing the same host differently:
 * {@code EVIL.com}, {@code %65vil.com}, and {@code bücher.de} vs {@code xn--bcher-kva.de} all compare equal to their
 * canonical lower-case ASCII form.
 */
final class HostNames {

    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+]");
    private static final Pattern ASCII_HOST = Pattern.compile("[a-z0-9._-]+");

    private HostNames() {
    }

    /**
     * Percent-decodes (UTF-8), converts to ASCII with {@link IDN#toASCII(String)} and lower-cases {@code rawHost};
     * a trailing dot is kept (see {@link #withoutTrailingDot(String)} for comparisons). Underscores are allowed:
     * they are not valid in DNS host names but do occur in real URLs and are harmless here.
     *
     * @throws IllegalArgumentException if the result is not a host name or a bracketed IPv6 literal
     */
    static String toAscii(String rawHost) {
        if (rawHost == null || rawHost.isEmpty()) {
            throw new IllegalArgumentException("empty host");
        }
        if (rawHost.startsWith("[")) {
            String literal = rawHost.toLowerCase(Locale.ROOT);
            if (!IPV6_LITERAL.matcher(literal).matches()) {
                throw new IllegalArgumentException("malformed IPv6 literal");
            }
            return literal;
        }
        // IDN.toASCII rejects empty labels ("a..b") and labels over 63 characters.
        String ascii = IDN.toASCII(percentDecode(rawHost)).toLowerCase(Locale.ROOT);
        if (!ASCII_HOST.matcher(ascii).matches() || withoutTrailingDot(ascii).isEmpty()) {
            throw new IllegalArgumentException("not a host name");
        }
        return ascii;
    }

    /** {@code example.com.} and {@code example.com} name the same DNS host (the dot marks it fully qualified). */
    static String withoutTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /** Strict: a malformed escape or bytes that are not UTF-8 are errors, never silently replaced. */
    private static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        int i = 0;
        while (i < s.length()) {
            int escape = s.indexOf('%', i);
            if (escape < 0) {
                escape = s.length();
            }
            // Whole runs, not single chars, so surrogate pairs are encoded as one character.
            bytes.writeBytes(s.substring(i, escape).getBytes(StandardCharsets.UTF_8));
            if (escape == s.length()) {
                break;
            }
            if (escape + 2 >= s.length()) {
                throw new IllegalArgumentException("truncated percent-escape");
            }
            int hi = Character.digit(s.charAt(escape + 1), 16);
            int lo = Character.digit(s.charAt(escape + 2), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("malformed percent-escape");
            }
            bytes.write(hi * 16 + lo);
            i = escape + 3;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes are not UTF-8", e);
        }
    }
}
