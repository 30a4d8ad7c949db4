package io.practicalsystems.shortener;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * One click with its own event ID: what versions before 2026-12-05 sent over JMS and stored, one line per click. Since
 * clicks are counted at the edge ({@link ClickAggregate}) it is only read back, from the rows those versions stored
 * ({@link ClickBatch#fromText}), so a day they recorded still rolls up exactly.
 *
 * <h2>Wire format</h2>
 * A JMS text message body: {@code v1 TAB eventId TAB code TAB occurredAt TAB referrerHost TAB agentFamily}, with
 * {@code occurredAt} as ISO-8601 ({@link Instant#toString()}, exact to the nanosecond). Inside fields a backslash,
 * tab, line feed and carriage return are written {@code \\ \t \n \r}, so any string survives the round trip and a
 * raw tab is always a separator. The {@code v1} prefix lets a consumer running a newer version reject or translate
 * messages from an older producer during a rolling deployment instead of misreading them. Text rather than JSON
 * keeps the hot redirect path free of a JSON library and the message about 100 bytes.
 *
 * @param eventId      unique per click (a UUID or Snowflake ID), so a redelivered message can be counted once
 * @param code         the short code or alias clicked
 * @param occurredAt   when the redirect was served
 * @param referrerHost from {@link ReferrerHost#of(String)}
 * @param agentFamily  from {@link UserAgentFamily#of(String)}
 */
public record ClickEvent(String eventId, String code, Instant occurredAt, String referrerHost, String agentFamily) {

    public static final String WIRE_VERSION = "v1";
    private static final int WIRE_FIELDS = 6;

    public ClickEvent {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(referrerHost, "referrerHost");
        Objects.requireNonNull(agentFamily, "agentFamily");
        if (eventId == null || eventId.isEmpty()) {
            throw new IllegalArgumentException("eventId must not be empty");
        }
        if (code == null || code.isEmpty()) {
            throw new IllegalArgumentException("code must not be empty");
        }
    }

    public String toWire() {
        return WIRE_VERSION + '\t' + escape(eventId) + '\t' + escape(code) + '\t' + occurredAt + '\t'
                + escape(referrerHost) + '\t' + escape(agentFamily);
    }

    /** @throws IllegalArgumentException if {@code wire} is not a well-formed {@value #WIRE_VERSION} message */
    public static ClickEvent fromWire(String wire) {
        if (wire == null) {
            throw new IllegalArgumentException("click event message is null");
        }
        String[] f = wire.split("\t", -1);
        if (!f[0].equals(WIRE_VERSION)) {
            throw new IllegalArgumentException("unsupported click event version '" + abbreviate(f[0])
                    + "', expected " + WIRE_VERSION);
        }
        if (f.length != WIRE_FIELDS) {
            throw new IllegalArgumentException("click event needs " + WIRE_FIELDS + " tab-separated fields, got "
                    + f.length + ": '" + abbreviate(wire) + "'");
        }
        Instant occurredAt;
        try {
            occurredAt = Instant.parse(f[3]);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("click event occurredAt is not an ISO-8601 instant: '"
                    + abbreviate(f[3]) + "'", e);
        }
        return new ClickEvent(unescape(f[1]), unescape(f[2]), occurredAt, unescape(f[4]), unescape(f[5]));
    }

    static String escape(String s) {
        if (!needsEscape(s)) {
            return s; // the usual case; every event is encoded twice (sent, stored), so the copy was measurable
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    static boolean needsEscape(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == s.length()) {
                throw new IllegalArgumentException("click event field ends in a lone backslash");
            }
            out.append(switch (s.charAt(i)) {
                case '\\' -> '\\';
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> throw new IllegalArgumentException(
                        "click event field has an unknown escape \\" + s.charAt(i));
            });
        }
        return out.toString();
    }

    /** Malformed messages may be huge; keep exception messages (and logs) short. */
    static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }
}
