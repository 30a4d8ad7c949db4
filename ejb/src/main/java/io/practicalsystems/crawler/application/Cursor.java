package io.practicalsystems.crawler.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque pagination cursors: the position a listing stopped at (for pages, the last document id), tagged with the
 * listing's kind and base64url-encoded. Clients pass them back unchanged; they are never offsets, so a listing stays
 * cheap and stable however far a client pages. Decoding checks the kind and the length, so a cursor of another
 * listing, or garbage, is a 400 rather than a silently wrong page.
 */
public final class Cursor {

    /** Longest cursor accepted from a client (characters). */
    public static final int MAX_LENGTH = 1024;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Cursor() {
    }

    /** {@code kind} is a short tag without ':'; {@code position} any string. */
    public static String encode(String kind, String position) {
        if (kind.indexOf(':') >= 0) {
            throw new IllegalArgumentException("cursor kind must not contain ':': " + kind);
        }
        return ENCODER.encodeToString((kind + ":" + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position of a cursor made by {@link #encode} with the same kind; null for a null or blank cursor. */
    public static String decode(String kind, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        if (cursor.length() > MAX_LENGTH) {
            throw new InvalidCursorException("cursor is longer than " + MAX_LENGTH
                    + " characters: pass back the 'next' value of the previous page unchanged");
        }
        String text;
        try {
            text = new String(DECODER.decode(cursor.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        String prefix = kind + ":";
        if (!text.startsWith(prefix) || text.length() == prefix.length()) {
            throw invalid();
        }
        return text.substring(prefix.length());
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException("cursor is not one this listing handed out: pass back the 'next' value of "
                + "the previous page unchanged, or leave it out for the first page");
    }
}
