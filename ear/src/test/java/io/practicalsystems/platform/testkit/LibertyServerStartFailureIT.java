package io.practicalsystems.platform.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The harness's promise for broken builds: {@link LibertyServer#start()} fails fast with the lines that explain
 * why, instead of waiting out its timeout, and leaves no server JVM behind.
 */
class LibertyServerStartFailureIT {

    private final LibertyInstallation real = LibertyInstallation.fromSystemProperties();

    @Test
    void anApplicationThatCannotStartFailsFastWithTheErrorLines(@TempDir Path tmp) throws IOException {
        Path notAnEar = Files.writeString(tmp.resolve(real.ear().getFileName()), "not a zip");
        LibertyInstallation broken = new LibertyInstallation(real.installDir(), real.configDir(), notAnEar,
                real.workDir());

        try (LibertyServer server = LibertyServer.builder("broken-ear").installation(broken).build()) {
            assertThatThrownBy(server::start)
                    .hasMessageContaining("the application failed to start")
                    .hasMessageContaining("practical-systems.ear")
                    .hasMessageContaining(" E CWWK");
            assertThat(server.isRunning()).isFalse();
        }
    }

    @Test
    void aServerJvmThatCannotLaunchFailsFastWithTheConsoleLog(@TempDir Path tmp) throws IOException {
        Path config = Files.createDirectories(tmp.resolve("config"));
        try (Stream<Path> files = Files.list(real.configDir())) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, config.resolve(file.getFileName()));
            }
        }
        Files.writeString(config.resolve("jvm.options"), "-XX:+NoSuchOptionAnywhere\n");
        LibertyInstallation broken = new LibertyInstallation(real.installDir(), config, real.ear(), real.workDir());

        try (LibertyServer server = LibertyServer.builder("broken-jvm").installation(broken).build()) {
            // Which of the two is seen depends on whether the watch catches the JVM in its few milliseconds of
            // life; both are the fast failure this test is about.
            assertThatThrownBy(server::start)
                    .hasMessageMatching("(?s).*(no server JVM is running|the server JVM \\(pid \\d+\\) died).*")
                    .hasMessageContaining("NoSuchOptionAnywhere");
            assertThat(server.isRunning()).isFalse();
        }
    }
}
