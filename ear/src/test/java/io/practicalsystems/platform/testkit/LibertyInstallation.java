package io.practicalsystems.platform.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What one Maven build provides to every test server: the installed runtime (only its binaries are used; servers
 * never write into it), the shared Liberty configuration, the EAR, and a scratch directory for server files.
 *
 * <p>The ear module's failsafe configuration passes these as system properties; {@link #fromSystemProperties()}
 * reads them so tests need no paths of their own.
 *
 * @param installDir the runtime ({@code wlp}), with {@code bin/server} and what {@code liberty:deploy} copied to
 *                   {@code usr/shared/resources}: the JDBC drivers ({@code jdbc/}) and the failed-login trust
 *                   association interceptor ({@code login-throttle/})
 * @param configDir  {@code liberty-config/}: server.xml and everything it includes, copied into each server
 * @param ear        the application archive, copied into each server's {@code apps/}
 * @param workDir    where each server gets its own {@code <name>/} directory
 */
public record LibertyInstallation(Path installDir, Path configDir, Path ear, Path workDir) {

    public LibertyInstallation {
        installDir = installDir.toAbsolutePath().normalize();
        configDir = configDir.toAbsolutePath().normalize();
        ear = ear.toAbsolutePath().normalize();
        workDir = workDir.toAbsolutePath().normalize();
    }

    /** From the system properties {@code liberty.install.dir}, {@code liberty.config.dir}, {@code app.ear}, {@code test.work.dir}. */
    public static LibertyInstallation fromSystemProperties() {
        LibertyInstallation installation = new LibertyInstallation(
                requiredPath("liberty.install.dir"), requiredPath("liberty.config.dir"),
                requiredPath("app.ear"), requiredPath("test.work.dir"));
        installation.verify();
        return installation;
    }

    /** Fails with a hint how to get the missing piece, instead of a confusing error from bin/server later. */
    public void verify() {
        if (!Files.isExecutable(serverScript())) {
            throw new IllegalStateException("No Liberty runtime at " + installDir + " (missing bin/server). Run "
                    + "`mvn -pl ear liberty:create liberty:deploy` or `mvn -pl ear verify`, which does it.");
        }
        if (!Files.isRegularFile(configDir.resolve("server.xml"))) {
            throw new IllegalStateException("No server.xml in liberty.config.dir " + configDir);
        }
        if (!Files.isRegularFile(ear)) {
            throw new IllegalStateException("No EAR at " + ear + ". Run `mvn install -DskipITs` first.");
        }
        if (!Files.isDirectory(jdbcDriverDir())) {
            throw new IllegalStateException("No JDBC drivers at " + jdbcDriverDir() + ". Run `mvn -pl ear liberty:deploy`.");
        }
        if (!Files.isDirectory(sharedResourcesDir().resolve("login-throttle"))) {
            throw new IllegalStateException("No login-throttle library at " + sharedResourcesDir().resolve(
                    "login-throttle") + ". Run `mvn install -DskipITs` and `mvn -pl ear liberty:deploy`.");
        }
    }

    public Path serverScript() {
        return installDir.resolve("bin").resolve("server");
    }

    /** What liberty:deploy's copyDependencies put into the runtime's shared resources; each server gets a copy. */
    public Path sharedResourcesDir() {
        return installDir.resolve("usr/shared/resources");
    }

    /** Where liberty:deploy's copyDependencies put Derby and MariaDB drivers. */
    public Path jdbcDriverDir() {
        return sharedResourcesDir().resolve("jdbc");
    }

    private static Path requiredPath(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set. Integration tests get it "
                    + "from the ear module's failsafe configuration: run them with `mvn -pl ear verify`.");
        }
        return Path.of(value);
    }
}
