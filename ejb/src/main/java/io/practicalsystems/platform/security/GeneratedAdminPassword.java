package io.practicalsystems.platform.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * The administrator password this server generates for itself when ADMIN_PASSWORD is not set, as Jenkins does
 * with its initial admin password. Two files under {@code <data dir>/admin/}, readable by the server's OS user
 * only (directory 700, files 600):
 *
 * <ul>
 *   <li>{@value #PASSWORD_FILE}: the password alone, for the human ({@code cat} it);</li>
 *   <li>{@value #INCLUDE_FILE}: the same password as the <em>default</em> of Liberty's {@code admin.password}
 *       variable. server.xml includes it (an optional include), and Liberty's configuration monitor applies it to
 *       the user registry within a second of it appearing. Because it is only a default, ADMIN_PASSWORD wins.</li>
 * </ul>
 *
 * Plain Java, no Jakarta types: unit-tested on a temporary directory.
 */
public final class GeneratedAdminPassword {

    static final String PASSWORD_FILE = "admin-password";
    static final String INCLUDE_FILE = "admin-password.xml";
    /** 24 random bytes = 192 bits, written as 32 URL-safe Base64 characters (nothing to escape in XML). */
    private static final int RANDOM_BYTES = 24;
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private final Path dir;
    private final SecureRandom random;

    public GeneratedAdminPassword(Path dataDir) {
        this(dataDir, new SecureRandom());
    }

    GeneratedAdminPassword(Path dataDir, SecureRandom random) {
        this.dir = dataDir.resolve("admin");
        this.random = random;
    }

    /** Where the human reads the password. */
    public Path passwordFile() {
        return dir.resolve(PASSWORD_FILE);
    }

    Path includeFile() {
        return dir.resolve(INCLUDE_FILE);
    }

    /** The password an earlier start generated, if Liberty's include for it is in place too. */
    public Optional<String> existing() {
        if (!Files.isRegularFile(passwordFile()) || !Files.isRegularFile(includeFile())) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(passwordFile(), StandardCharsets.UTF_8).strip();
            return password.isEmpty() ? Optional.empty() : Optional.of(password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + passwordFile(), e);
        }
    }

    /**
     * Generates a new password and writes both files, Liberty's last (so Liberty never applies a password the human
     * cannot look up). Each file is created with mode 600 before anything is written into it.
     *
     * @return the new password
     */
    public String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            createOwnerOnlyDirectory();
            writeOwnerOnly(passwordFile(), password + "\n");
            writeOwnerOnly(includeFile(), libertyInclude(password));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the generated admin password under " + dir, e);
        }
        return password;
    }

    static String libertyInclude(String password) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Written by Practical Systems at first start because ADMIN_PASSWORD was not set. ADMIN_PASSWORD
                     overrides it; delete this directory to get a new password at the next start. -->
                <server>
                  <variable name="admin.password" defaultValue="%s"/>
                </server>
                """.formatted(password);
    }

    private void createOwnerOnlyDirectory() throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
    }

    /** Writes a 600 temporary file, then renames it: a reader sees no file or the whole file, never a part. */
    private static void writeOwnerOnly(Path target, String content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        try {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
