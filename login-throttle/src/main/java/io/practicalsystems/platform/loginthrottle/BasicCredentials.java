package io.practicalsystems.platform.loginthrottle;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * User name and password from an HTTP Basic {@code Authorization} header (RFC 7617): {@code Basic
 * base64(user ":" password)}, read as UTF-8 as browsers and curl send it.
 */
public record BasicCredentials(String user, String password) {

    private static final String SCHEME = "basic ";
    /** Far more than any real user name and password; a longer header is refused without decoding. */
    static final int MAX_HEADER_LENGTH = 4096;

    /** Whether the header asks for Basic authentication at all (well-formed or not). */
    public static boolean isBasic(String authorization) {
        return authorization != null && authorization.length() >= SCHEME.length()
                && authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME);
    }

    /** The credentials, or empty if the header is not Basic or not well-formed (bad base64, no colon, too long). */
    public static Optional<BasicCredentials> parse(String authorization) {
        if (!isBasic(authorization) || authorization.length() > MAX_HEADER_LENGTH) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return "BasicCredentials[user=" + user + ", password=<hidden>]";
    }
}
