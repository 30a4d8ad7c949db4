package io.practicalsystems.feed.account;

import java.util.Locale;
import java.util.Optional;

/**
 * A feed handle: 3–30 characters of {@code [a-z0-9_]}, case-insensitive. A handle is stored and compared lower-case,
 * so {@code Alice} and {@code alice} are one user, and it is the account document's id, so two sign-ups racing for
 * one handle cannot both win.
 *
 * <p>The input is checked to be ASCII before it is lower-cased: Unicode case mapping would otherwise turn characters
 * that are not in the alphabet into letters that are ({@code K}, U+212A KELVIN SIGN, lower-cases to {@code k}), and
 * two different inputs would become one handle unnoticed.
 */
public final class Handles {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 30;

    private Handles() {
    }

    /** The stored form of {@code raw}; throws {@link InvalidAccountInputException} (field {@code handle}) if invalid. */
    public static String normalize(String raw) {
        if (raw == null || raw.isEmpty()) {
            throw new InvalidAccountInputException("handle", "a handle is required: 3 to 30 of a-z, 0-9 and _");
        }
        for (int i = 0; i < raw.length(); i++) {
            if (!isAllowed(raw.charAt(i))) {
                throw new InvalidAccountInputException("handle", "a handle may only have letters a-z (either case), "
                        + "digits 0-9 and _");
            }
        }
        if (raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
            throw new InvalidAccountInputException("handle", "a handle has 3 to 30 characters, this one has "
                    + raw.length());
        }
        return raw.toLowerCase(Locale.ROOT);
    }

    /** The stored form of {@code raw}, or empty when it cannot be a handle (for look-ups: nobody has it). */
    public static Optional<String> normalized(String raw) {
        try {
            return Optional.of(normalize(raw));
        } catch (InvalidAccountInputException e) {
            return Optional.empty();
        }
    }

    private static boolean isAllowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
