package io.practicalsystems.platform.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A copy of the built EAR with extra compiled classes in a web module's {@code WEB-INF/classes}: test-only
 * endpoints for integration tests, without putting them into the real application.
 */
final class ProbeEar {

    static final String WEB_MODULE = "practical-systems-web.war";

    private ProbeEar() {
    }

    /** Writes {@code dir/<ear file name>} (the name server.xml expects) and returns it. */
    static Path withClasses(Path ear, Path dir, Class<?>... classes) {
        try {
            Files.createDirectories(dir);
            Path derived = dir.resolve(ear.getFileName());
            Files.copy(ear, derived, StandardCopyOption.REPLACE_EXISTING);
            Path war = dir.resolve(WEB_MODULE);
            try (FileSystem earFs = FileSystems.newFileSystem(derived)) {
                Files.copy(earFs.getPath(WEB_MODULE), war, StandardCopyOption.REPLACE_EXISTING);
                try (FileSystem warFs = FileSystems.newFileSystem(war)) {
                    for (Class<?> type : classes) {
                        String resource = type.getName().replace('.', '/') + ".class";
                        Path target = warFs.getPath("WEB-INF/classes/" + resource);
                        Files.createDirectories(target.getParent());
                        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                            if (in == null) {
                                throw new IllegalStateException("no class file for " + type.getName());
                            }
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Files.copy(war, earFs.getPath(WEB_MODULE), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.delete(war);
            return derived;
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the probe EAR from " + ear, e);
        }
    }
}
