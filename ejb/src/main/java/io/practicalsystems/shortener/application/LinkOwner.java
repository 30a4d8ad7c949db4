package io.practicalsystems.shortener.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Who owns a link: derived from the caller's API key (never stored in clear), or anonymous. Anonymous links
 * cannot be listed, changed or deleted — there is no one to prove ownership.
 */
public record LinkOwner(String key) {

    public static final LinkOwner ANONYMOUS = new LinkOwner("anonymous");

    public static LinkOwner fromApiKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return ANONYMOUS;
        }
        return new LinkOwner("key:" + sha256(apiKey.strip()).substring(0, 40));
    }

    public boolean isAnonymous() {
        return ANONYMOUS.equals(this);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
