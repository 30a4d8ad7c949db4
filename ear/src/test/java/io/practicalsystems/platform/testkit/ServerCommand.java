package io.practicalsystems.platform.testkit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs {@code <wlp>/bin/server <action> <name>} for one server, with that server's environment.
 *
 * <p>Output goes to a file ({@code server-<action>.out} in the server's directory), never to a pipe: the script
 * launches the server JVM in the background, and a pipe the test JVM never drains could block it.
 */
final class ServerCommand {

    /** Variables from the surrounding shell that would point the server at someone else's directories. */
    private static final List<String> ISOLATION_BREAKERS = List.of(
            "WLP_USER_DIR", "WLP_OUTPUT_DIR", "PID_DIR", "PID_FILE", "LOG_DIR", "LOG_FILE", "SERVER_WORKING_DIR");

    record Result(int exitCode, String output) {
    }

    private final Path script;
    private final String serverName;
    private final ServerDirectories dirs;
    private final Supplier<Map<String, String>> serverEnv;

    /** {@code serverEnv} is asked on every command, so env changes made between restarts take effect. */
    ServerCommand(Path script, String serverName, ServerDirectories dirs, Supplier<Map<String, String>> serverEnv) {
        this.script = script;
        this.serverName = serverName;
        this.dirs = dirs;
        this.serverEnv = serverEnv;
    }

    /** Starts the command and returns at once; its output accumulates in {@link #output(String)}. */
    Process launch(String action, String... options) {
        List<String> command = new ArrayList<>(List.of(script.toString(), action, serverName));
        command.addAll(List.of(options));
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(dirs.base().toFile())
                .redirectErrorStream(true)
                .redirectOutput(dirs.commandOutput(action).toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeAll(ISOLATION_BREAKERS);
        // The server JVM runs on the JDK running the tests unless the environment already names one.
        env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
        env.put("WLP_USER_DIR", dirs.userDir().toString());
        env.put("WLP_OUTPUT_DIR", dirs.outputDir().toString());
        env.putAll(serverEnv.get());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        }
    }

    /** Runs the command to completion (or kills it after {@code timeout}, reporting exit code -1). */
    Result run(String action, Duration timeout, String... options) {
        Process process = launch(action, options);
        int exitCode = awaitExit(process, timeout);
        return new Result(exitCode, output(action));
    }

    /** Exit code, or -1 if it had to be killed after {@code timeout}. */
    int awaitExit(Process process, Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Kill the script and the short-lived status-checking JVM it runs, but not the server JVM: while
        // `server start` still runs, the server JVM it put in the background is still its child.
        long serverPid = dirs.readPid().orElse(-1);
        process.descendants().filter(p -> p.pid() != serverPid).forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return -1;
    }

    /** What the last {@code action} command printed. */
    String output(String action) {
        try {
            return Files.readString(dirs.commandOutput(action), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
