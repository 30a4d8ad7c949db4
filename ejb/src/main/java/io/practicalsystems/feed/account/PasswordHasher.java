package io.practicalsystems.feed.account;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id password hashes (RFC 9106), through Spring Security's encoder over Bouncy Castle's Argon2: a random 16-byte
 * salt per hash, a 32-byte hash, {@value #MEMORY_KIB} KiB (19 MiB) of memory, {@value #PASSES} passes, one lane —
 * OWASP's recommended minimum for Argon2id. The parameters are written into each hash, so raising them later leaves
 * existing hashes checkable. Memory-hard: guessing passwords from a stolen hash costs an attacker memory as well as
 * time, which GPUs and ASICs do not make cheap.
 *
 * <p>{@link #matchesNobody} spends the same work on a log-in for a handle nobody has, so the answer's timing does not
 * tell which handles exist.
 */
public final class PasswordHasher {

    static final int MEMORY_KIB = 19 * 1024;
    static final int PASSES = 2;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int LANES = 1;

    private final Argon2PasswordEncoder encoder;
    private final String nobodysHash;

    public PasswordHasher() {
        this.encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, PASSES);
        this.nobodysHash = encoder.encode("no account has this password: it only costs the same time");
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return hash != null && encoder.matches(password, hash);
    }

    /** Does the work of one {@link #matches} and returns false. */
    public boolean matchesNobody(String password) {
        encoder.matches(password, nobodysHash);
        return false;
    }
}
