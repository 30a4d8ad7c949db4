package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Where one test server's files live, outside the installed runtime:
 *
 * <pre>
 * {test.work.dir}/{name}/
 *   usr/                          WLP_USER_DIR
 *     servers/{name}/             server.xml + includes, jvm.options, server.env, apps/practical-systems.ear
 *     shared/resources/jdbc/      JDBC drivers (server.xml's ${shared.resource.dir}/jdbc)
 *     shared/resources/login-throttle/  the failed-login trust association interceptor and its library
 *   output/                       WLP_OUTPUT_DIR
 *     .pid/{name}.pid             bin/server's pid file (PID_DIR defaults to ${WLP_OUTPUT_DIR}/.pid)
 *     {name}/logs/messages.log    and workarea/, data/derby/, messaging/ (${server.output.dir})
 *   server-start.out, ...         what each bin/server command printed
 * </pre>
 *
 * Giving every server its own WLP_USER_DIR and WLP_OUTPUT_DIR is what lets several servers run from one runtime
 * without sharing a file: the Derby database, the messaging file store, LTPA keys and logs all sit under the
 * server's own output directory.
 */
final class ServerDirectories {

    /** Marks where the harness's variables start, so a rewrite keeps what {@code server create} generated. */
    private static final String HARNESS_MARKER = "# ---- written by the test harness (LibertyServer); "
            + "values here override the process environment ----";

    private final String name;
    private final Path base;

    ServerDirectories(Path workDir, String name) {
        this.name = name;
        this.base = workDir.resolve(name);
    }

    Path base() {
        return base;
    }

    Path userDir() {
        return base.resolve("usr");
    }

    Path outputDir() {
        return base.resolve("output");
    }

    Path serverConfigDir() {
        return userDir().resolve("servers").resolve(name);
    }

    Path serverOutputDir() {
        return outputDir().resolve(name);
    }

    /** Verified against bin/server: {@code X_PID_FILE=${PID_DIR:-${WLP_OUTPUT_DIR}/.pid}/${SERVER_NAME}.pid}. */
    Path pidFile() {
        return outputDir().resolve(".pid").resolve(name + ".pid");
    }

    Path messagesLog() {
        return serverOutputDir().resolve("logs").resolve("messages.log");
    }

    Path serverEnv() {
        return serverConfigDir().resolve("server.env");
    }

    /** Output of one bin/server command, e.g. {@code server-start.out}. */
    Path commandOutput(String action) {
        return base.resolve("server-" + action + ".out");
    }

    /** The pid in Liberty's pid file, if there is one (it stays behind after a kill -9). */
    OptionalLong readPid() {
        try {
            String text = Files.readString(pidFile()).trim();
            return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty(); // half-written by bin/server right now: ask again later
        }
    }

    /**
     * bin/server writes the pid file only after its own start check succeeded (and not at all if that check gives
     * up), so the harness writes the same pid as soon as it sees the JVM: a server that hangs or fails while
     * starting can then still be found, stopped and killed. bin/server later overwrites it with the same pid.
     */
    void writePid(long pid) {
        try {
            Files.createDirectories(pidFile().getParent());
            Files.writeString(pidFile(), pid + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + pidFile(), e);
        }
    }

    Path consoleLog() {
        return serverOutputDir().resolve("logs").resolve("console.log");
    }

    void deleteStalePidFile() {
        deleteQuietly(pidFile());
    }

    /** Removes everything from an earlier run, so a test starts from a fresh server. */
    private void wipe() {
        if (!Files.exists(base)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(base)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ServerDirectories::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + base, e);
        }
        if (Files.exists(base)) {
            throw new IllegalStateException("could not delete " + base + " (a process still writing into it?)");
        }
    }

    /**
     * Creates the server afresh: wipes an earlier run's files, runs {@code server create} (which generates the
     * keystore and LTPA passwords into server.env), then copies the configuration, EAR and drivers in.
     *
     * @return the server.env content to keep across rewrites: the generated lines, then liberty-config's server.env
     */
    String create(LibertyInstallation installation, ServerCommand commands) {
        wipe();
        try {
            Files.createDirectories(userDir());
            Files.createDirectories(outputDir());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + base, e);
        }
        ServerCommand.Result created = commands.run("create", Duration.ofSeconds(120));
        if (created.exitCode() != 0) {
            throw new IllegalStateException("`server create " + name + "` failed with exit code "
                    + created.exitCode() + ":\n" + created.output());
        }
        String generated = readGeneratedServerEnv();
        populate(installation);
        Path configEnv = installation.configDir().resolve("server.env");
        try {
            return joinBlocks(generated, Files.isRegularFile(configEnv) ? Files.readString(configEnv) : "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + configEnv, e);
        }
    }

    /**
     * After {@code server create}: copies the shared configuration (overwriting the generated server.xml), the
     * EAR into apps/ and the runtime's shared resources (JDBC drivers, the login-throttle library) into this user
     * dir's.
     */
    private void populate(LibertyInstallation installation) {
        copyTree(installation.configDir(), serverConfigDir());
        copyTree(installation.sharedResourcesDir(), userDir().resolve("shared/resources"));
        Path apps = serverConfigDir().resolve("apps");
        copy(installation.ear(), apps.resolve(installation.ear().getFileName()));
    }

    /**
     * Writes server.env as: what {@code server create} generated (keystore and LTPA passwords, which must stay
     * stable across restarts), what liberty-config's own server.env holds (if any), then every harness variable.
     * bin/server exports these lines, overriding the process environment, so {@code server start NAME} run by a
     * human with WLP_USER_DIR/WLP_OUTPUT_DIR set reproduces exactly what the test ran.
     */
    void writeServerEnv(String base, Map<String, String> env) {
        StringBuilder sb = new StringBuilder(joinBlocks(base));
        sb.append(HARNESS_MARKER).append('\n');
        sb.append("# reproduce by hand: WLP_USER_DIR=").append(userDir()).append(" WLP_OUTPUT_DIR=")
                .append(outputDir()).append(" <wlp>/bin/server start ").append(name).append('\n');
        env.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            Files.writeString(serverEnv(), sb.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + serverEnv(), e);
        }
    }

    /** The current server.env content up to the harness block (i.e. what server create generated). */
    private String readGeneratedServerEnv() {
        try {
            String text = Files.readString(serverEnv());
            int marker = text.indexOf(HARNESS_MARKER);
            return marker < 0 ? text : text.substring(0, marker);
        } catch (NoSuchFileException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + serverEnv(), e);
        }
    }

    /**
     * Moves the previous run's messages.log aside before a (re)start. Liberty rolls it itself, but only once the
     * new JVM is up; until then a stale "application started" line could be mistaken for the new run's.
     */
    void archiveMessagesLog(int previousRun) {
        Path log = messagesLog();
        if (Files.exists(log)) {
            try {
                Files.move(log, log.resolveSibling("messages.log.run-" + previousRun), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot archive " + log, e);
            }
        }
    }

    /** Concatenates server.env fragments line-safely. */
    private static String joinBlocks(String... blocks) {
        StringBuilder sb = new StringBuilder();
        for (String block : blocks) {
            if (block == null || block.isBlank()) {
                continue;
            }
            sb.append(block);
            // server create writes its last line without a newline: appending blindly would glue two variables.
            if (!block.endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    copy(source, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    private static void copy(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + target, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // reported by wipe()'s final existence check
        }
    }
}
