package io.practicalsystems.kv.application;

import io.practicalsystems.kv.version.ContextTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Where the key that authenticates causal contexts ({@link ContextTokens}) comes from: derived from the cluster secret
 * when there is one (every node derives the same key), else generated at the first start and kept in
 * {@code <data dir>/kv/context.key} (owner-only, never in git), so contexts stay valid across restarts.
 */
final class ContextKeys {

    private static final Logger LOG = Logger.getLogger(ContextKeys.class.getName());
    static final String FILE_NAME = "context.key";
    private static final int KEY_BYTES = 32;
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_ONLY =
            PosixFilePermissions.fromString("rw-------");

    private ContextKeys() {
    }

    static ContextTokens tokens(Optional<String> clusterSecret, Path kvDataDir) {
        return ContextTokens.withKey(clusterSecret.map(ContextTokens::keyFromSecret)
                .orElseGet(() -> fromFile(kvDataDir.resolve(FILE_NAME))));
    }

    /** Reads the key file, creating it with a random key (mode 600 where the file system has modes) if absent. */
    static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException(file + " holds " + key.length + " bytes of key, expected "
                        + KEY_BYTES + ": delete it to generate a new one (clients then read their keys again)");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the causal-context key " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a base64 key: delete it to generate a new one", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            Files.createFile(temporary); // not a POSIX file system
        }
        Files.writeString(temporary, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.move(temporary, file); // no replace: two starts at once keep the first key
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
            return;
        }
        LOG.info("generated the key that authenticates causal contexts: " + file);
    }
}
