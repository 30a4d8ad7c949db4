package io.practicalsystems.platform.apikeys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What an API key looks like, how one is made and how it is stored. Pure logic, unit-tested.
 *
 * <p>A key is {@code psk_} followed by 256 random bits in unpadded base64url (43 characters). The prefix makes keys
 * recognisable to secret scanners and to people; the fixed shape lets a malformed header be refused without any
 * lookup. Only the SHA-256 of the whole key is stored. A fast, unsalted hash is right here (unlike for passwords):
 * with 256 bits of entropy there is nothing to guess, so slowing down each guess protects nothing, and an unsalted
 * hash can be looked up through a unique index on every request — a salted slow hash (bcrypt, Argon2) could not,
 * and would cost tens of milliseconds per request on the redirect path.
 */
public final class ApiKeySecrets {

    public static final String PREFIX = "psk_";
    /** Random bytes per key: 256 bits. */
    static final int SECRET_BYTES = 32;
    /** Length of a well-formed key: prefix + unpadded base64url of 32 bytes. */
    public static final int KEY_LENGTH = PREFIX.length() + 43;
    private static final Pattern WELL_FORMED = Pattern.compile(Pattern.quote(PREFIX) + "[A-Za-z0-9_-]{43}");
    /** Random bytes of a key's public ID (shown in lists and used to revoke it; never a credential). */
    private static final int ID_BYTES = 8;

    private ApiKeySecrets() {
    }

    /** A new key, to be shown to whoever it is issued to exactly once. */
    public static String newKey(SecureRandom random) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** A new public ID: 16 lowercase hex digits. */
    public static String newId(SecureRandom random) {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /** Whether {@code text} has the shape of a key this server could have issued (says nothing about validity). */
    public static boolean isWellFormed(String text) {
        return text != null && text.length() == KEY_LENGTH && WELL_FORMED.matcher(text).matches();
    }

    /** The stored form of a key: SHA-256 of its UTF-8 bytes, 64 lowercase hex digits. */
    public static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JRE", e);
        }
    }
}
