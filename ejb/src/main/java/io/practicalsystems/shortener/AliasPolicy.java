package io.practicalsystems.shortener;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which custom aliases (user-chosen codes, {@code /my-sale}) are allowed.
 *
 * <h2>No collision with generated codes</h2>
 * Generated codes are {@link Base62} encodings of Snowflake IDs: only {@code [0-9A-Za-z]}. An alias must contain at
 * least one {@code -} or {@code _}, which no generated code ever does, so the two sets are disjoint <em>by
 * construction</em>: no alias can take a code that the generator will issue later, and no generated code can take an
 * alias, without any lookup or coordination. The alternative — giving generated codes a length aliases may not
 * have — is fragile: Snowflake codes grow from 10 to 11 characters as time passes (and with a different layout or
 * epoch), so the forbidden lengths would have to move with them. The cost of the chosen rule is that users write
 * {@code my-sale} rather than {@code mysale}.
 *
 * <h2>Rules</h2>
 * Checked in this order, each failure an {@link InvalidLinkException} with field {@value #FIELD}: required; length in
 * {@code minLength..maxLength} (default {@value #DEFAULT_MIN_LENGTH}..{@value #DEFAULT_MAX_LENGTH}); only
 * {@code [A-Za-z0-9_-]} (safe in a URL path without escaping); at least one letter or digit; not a reserved word
 * (case-insensitive, so {@code Admin} cannot pose as an official page); at least one {@code -} or {@code _}.
 *
 * <p>Most default reserved words ({@code api}, {@code admin}…) are already excluded by the separator rule; the list
 * is kept anyway so the routes they protect stay protected if that rule is ever relaxed, and so a reserved word gets
 * the clearer message. Words with a dot ({@code favicon.ico}) fail the character set first; they are listed to
 * record that they must never become codes.
 *
 * <p>Aliases are case-sensitive, like generated codes: {@code My-Sale} and {@code my-sale} are different links, so
 * the store must compare codes case-sensitively (a binary collation in SQL).
 *
 * @param minLength     shortest alias accepted
 * @param maxLength     longest alias accepted
 * @param reservedWords refused in any case; stored lower-cased
 */
public record AliasPolicy(int minLength, int maxLength, Set<String> reservedWords) {

    public static final String FIELD = "alias";
    public static final int DEFAULT_MIN_LENGTH = 4;
    public static final int DEFAULT_MAX_LENGTH = 32;

    /** Path segments of the application's own endpoints and consoles, and words that would mislead if taken. */
    public static final Set<String> DEFAULT_RESERVED_WORDS = Set.of(
            "api", "admin", "admincenter", "batch", "docs", "health", "health-check", "ibm", "login", "logout",
            "metrics", "openapi", "static", "ui", "well-known", "favicon.ico", "robots.txt", "sign-in", "sign-up",
            "log-in", "log-out");

    public static final AliasPolicy DEFAULT =
            new AliasPolicy(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH, DEFAULT_RESERVED_WORDS);

    public AliasPolicy {
        if (minLength < 2 || maxLength < minLength) {
            throw new IllegalArgumentException("need 2 <= minLength <= maxLength (room for a separator and a "
                    + "letter), got " + minLength + ".." + maxLength);
        }
        if (reservedWords == null) {
            throw new IllegalArgumentException("reservedWords must not be null");
        }
        reservedWords = reservedWords.stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @throws InvalidLinkException with field {@value #FIELD} if {@code alias} breaks a rule */
    public void validate(String alias) {
        if (alias == null || alias.isEmpty()) {
            throw invalid("alias is required");
        }
        if (alias.length() < minLength || alias.length() > maxLength) {
            throw invalid("must be " + minLength + " to " + maxLength + " characters long, got " + alias.length());
        }
        boolean hasSeparator = false;
        boolean hasLetterOrDigit = false;
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (c == '-' || c == '_') {
                hasSeparator = true;
            } else if (isAsciiLetterOrDigit(c)) {
                hasLetterOrDigit = true;
            } else {
                throw invalid("may contain only letters A-Z and a-z, digits, '-' and '_'; character " + i
                        + " is not allowed");
            }
        }
        if (!hasLetterOrDigit) {
            throw invalid("must contain at least one letter or digit");
        }
        if (reservedWords.contains(alias.toLowerCase(Locale.ROOT))) {
            throw invalid("'" + alias + "' is reserved");
        }
        if (!hasSeparator) {
            throw invalid("must contain at least one '-' or '_' (for example my-link): codes without one are "
                    + "kept for generated links");
        }
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static InvalidLinkException invalid(String message) {
        return new InvalidLinkException(FIELD, message);
    }
}
