package io.practicalsystems.platform.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One real Open Liberty server running the EAR, created from the build's installed runtime but living entirely
 * in its own directory (see {@link ServerDirectories}), so any number of them can run side by side.
 *
 * <pre>{@code
 * try (LibertyServer node = LibertyServer.builder("node1").env("DB_KIND", "derby").build()) {
 *     node.start();
 *     Http.get(node.baseUrl() + "/api/ping");
 * }
 * }</pre>
 *
 * Every setting reaches Liberty as an environment variable (server.xml's {@code <variable>}s and MicroProfile
 * Config both read them); they are also written to the server's server.env so that a human can start the same
 * server by hand. The server is always stopped by {@link #close()}, and a JVM shutdown hook kills any server a
 * test forgot, so no Liberty process outlives the test run.
 */
public final class LibertyServer implements AutoCloseable {

    public static final String DEFAULT_APP_NAME = "practical-systems";
    private static final Duration PROCESS_EXIT_TIMEOUT = Duration.ofSeconds(30);
    private static final int LOG_TAIL = 40;

    /** Servers that may be running; the shutdown hook kills whatever is still here when the test JVM exits. */
    private static final Set<LibertyServer> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(LibertyServer::killQuietly),
                "liberty-test-servers-reaper"));
    }

    private final String name;
    private final String appName;
    private final int httpPort;
    private final int httpsPort;
    private final Duration startTimeout;
    private final Duration stopTimeout;
    private final ServerDirectories dirs;
    private final ServerCommand commands;
    private final Map<String, String> env;
    /** server.env as created (keystore password) plus liberty-config's server.env; harness variables follow. */
    private final String baseServerEnv;
    private int runs;

    /** A server named {@code name} (also its directory name under test.work.dir); see {@link LibertyServerBuilder}. */
    public static LibertyServerBuilder builder(String name) {
        return new LibertyServerBuilder(name);
    }

    /**
     * Creates the server's directories: {@code server create} (which generates the keystore password into
     * server.env), then liberty-config, the EAR and the JDBC drivers are copied in, then server.env is written.
     */
    LibertyServer(LibertyInstallation installation, String name, String appName, Map<String, String> env,
                  int httpPort, int httpsPort, Duration startTimeout, Duration stopTimeout) {
        this.name = name;
        this.appName = appName;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.startTimeout = startTimeout;
        this.stopTimeout = stopTimeout;
        this.env = Collections.synchronizedMap(new LinkedHashMap<>());
        this.env.put("HTTP_PORT", Integer.toString(httpPort));
        this.env.put("HTTPS_PORT", Integer.toString(httpsPort));
        this.env.putAll(env);
        this.dirs = new ServerDirectories(installation.workDir(), name);
        this.commands = new ServerCommand(installation.serverScript(), name, dirs, this::env);

        killLeftoverFromEarlierRun();
        this.baseServerEnv = dirs.create(installation, commands);
        dirs.writeServerEnv(baseServerEnv, env());
    }

    /**
     * Runs {@code server start} and returns once the application is started and the HTTP port accepts connections
     * (see {@link StartupWatch}). Fails fast, with the relevant part of messages.log, when the application fails
     * (CWWKZ0002E, CWWKZ0106E, an error line naming it), the HTTP port cannot be bound, or the server JVM dies.
     * A server that failed to start is killed before the exception is thrown; its files stay for inspection.
     */
    public synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException(name + " is already running (" + runningProcess().orElseThrow() + ")");
        }
        dirs.deleteStalePidFile();          // a kill -9 leaves it; a stale pid would read as "the JVM died"
        dirs.archiveMessagesLog(runs++);   // the log of run N is kept as messages.log.run-N
        dirs.writeServerEnv(baseServerEnv, env());
        LIVE.add(this);
        Process command = commands.launch("start");
        try {
            new StartupWatch(dirs, command, appName, httpPort).await(startTimeout);
        } catch (StartupWatch.Failure failure) {
            throw startFailed(failure, command);
        }
        // `server start` returns once Liberty reports the whole server started (CWWKF0011I), moments after the
        // application; waiting for it leaves no script behind. Its exit code no longer matters here.
        commands.awaitExit(command, Duration.ofSeconds(60));
    }

    /** Polls {@code /health/ready} until it answers 200, for up to 120 s. */
    public void awaitReady() {
        awaitReady(Duration.ofSeconds(120));
    }

    /** Polls {@code /health/ready} until it answers 200; the failure message carries the last answer. */
    public void awaitReady(Duration timeout) {
        String url = baseUrl() + "/health/ready";
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (true) {
            Optional<Http.Response> response = Http.tryGet(url);
            if (response.isPresent() && response.get().status() == 200) {
                return;
            }
            last = response.map(r -> "HTTP " + r.status() + " " + r.body()).orElse("no connection");
            if (!isRunning()) {
                throw new IllegalStateException(name + " is not running; last answer from " + url + ": " + last
                        + "\n" + MessagesLog.read(dirs.messagesLog()).excerpt(List.of(), LOG_TAIL));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " not ready within " + timeout.toSeconds() + " s; last answer"
                        + " from " + url + ": " + last);
            }
            ServerProcess.sleep(Duration.ofSeconds(1));
        }
    }

    /** Graceful {@code server stop}; waits until the JVM is gone. Does nothing if the server is not running. */
    public synchronized void stop() {
        Optional<ServerProcess> jvm = runningProcess();
        if (jvm.isEmpty()) {
            LIVE.remove(this);
            return;
        }
        List<ProcessHandle> children = jvm.get().descendants();
        ServerCommand.Result result = commands.run("stop", stopTimeout.plusSeconds(30),
                "--timeout=" + stopTimeout.toSeconds() + "s");
        if (!jvm.get().awaitExit(PROCESS_EXIT_TIMEOUT)) {
            throw new IllegalStateException("`server stop " + name + "` (exit code " + result.exitCode()
                    + ") did not stop " + jvm.get() + ":\n" + result.output());
        }
        ServerProcess.killAll(children);   // e.g. an embedded redis-server the app did not stop
        LIVE.remove(this);
    }

    /**
     * SIGKILL the server JVM, like a crash: no shutdown hooks, no graceful stop. The pid comes from the pid file
     * at {@code $WLP_OUTPUT_DIR/.pid/<name>.pid} (bin/server writes it once its start check passes; the harness
     * writes it earlier, see {@link ServerDirectories#writePid}). Processes the JVM had started are killed too,
     * because as orphans they would keep their ports and break the restart. Returns once all are gone.
     */
    public synchronized void kill() {
        ServerProcess jvm = runningProcess()
                .orElseThrow(() -> new IllegalStateException(name + " is not running: nothing to kill"));
        Optional<String> commandLine = jvm.commandLine();
        if (commandLine.isPresent() && !commandLine.get().contains("ws-server.jar")) {
            throw new IllegalStateException("pid file of " + name + " names " + jvm + ", which is not a Liberty "
                    + "server: " + commandLine.get());
        }
        jvm.killWithChildren(PROCESS_EXIT_TIMEOUT);
        LIVE.remove(this);
    }

    /** {@link #stop()} (a no-op after {@link #kill()}) then {@link #start()}; data under the server's output dir survives. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** The JVM named by the pid file is alive (true from the moment {@code server start} launched it). */
    public boolean isRunning() {
        return runningProcess().isPresent();
    }

    /** Stops the server, or kills it if a graceful stop fails. */
    @Override
    public void close() {
        try {
            stop();
        } catch (RuntimeException stopFailure) {
            try {
                kill();
            } catch (RuntimeException killFailure) {
                stopFailure.addSuppressed(killFailure);
                throw stopFailure;
            }
        }
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /** {@code http://127.0.0.1:<httpPort>}: loopback by address, so no name resolution is involved. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** {@code https://localhost:<httpsPort>}; {@link Http} trusts the server's generated self-signed certificate. */
    public String httpsBaseUrl() {
        return "https://localhost:" + httpsPort;
    }

    /** The current run's messages.log (earlier runs' logs are kept beside it as {@code messages.log.run-N}). */
    public Path messagesLog() {
        return dirs.messagesLog();
    }

    /** Whether the current run's messages.log contains {@code text}. */
    public boolean logContains(String text) {
        return MessagesLog.read(dirs.messagesLog()).contains(text);
    }

    /** WLP_USER_DIR: this server's configuration, apps and shared resources. */
    public Path userDir() {
        return dirs.userDir();
    }

    /** {@code ${server.output.dir}}: logs, workarea, Derby data, messaging store; also the JVM's working directory. */
    public Path serverOutputDir() {
        return dirs.serverOutputDir();
    }

    /** The server JVM's pid while it runs. */
    public OptionalLong pid() {
        return runningProcess().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    /** The environment the server gets (a copy), HTTP_PORT and HTTPS_PORT included. */
    public Map<String, String> env() {
        synchronized (env) {
            return new LinkedHashMap<>(env);
        }
    }

    /** Changes one variable for the next {@link #start()} / {@link #restart()}. */
    public void setEnv(String key, String value) {
        env.put(LibertyServerBuilder.checkKey(key), LibertyServerBuilder.checkValue(value));
    }

    @Override
    public String toString() {
        return "LibertyServer[" + name + ", http " + httpPort + ", https " + httpsPort + ", " + dirs.base() + "]";
    }

    private Optional<ServerProcess> runningProcess() {
        OptionalLong pid = dirs.readPid();
        return pid.isPresent() ? Optional.of(new ServerProcess(pid.getAsLong())).filter(ServerProcess::isAlive)
                : Optional.empty();
    }

    /** Kills the half-started server and the start script, then describes what went wrong. */
    private IllegalStateException startFailed(StartupWatch.Failure failure, Process command) {
        ServerProcess.launchedBy(command).ifPresent(jvm -> dirs.writePid(jvm.pid()));
        killQuietly();
        commands.awaitExit(command, Duration.ofSeconds(10));
        StringBuilder message = new StringBuilder("Liberty server ").append(name).append(" did not start: ")
                .append(failure.getMessage()).append(" (the server was killed; its files stay in ")
                .append(dirs.base()).append(")\n--- `server start` output ---\n").append(commands.output("start"))
                .append('\n').append(failure.log.excerpt(failure.evidence, LOG_TAIL));
        if (failure.evidence.isEmpty()) {
            // JVM launch errors (bad jvm.options, out of memory) are only in console.log.
            message.append("--- last lines of ").append(dirs.consoleLog()).append(" ---\n");
            MessagesLog.read(dirs.consoleLog()).tail(15).forEach(l -> message.append(l).append('\n'));
        }
        return new IllegalStateException(message.toString());
    }

    private void killQuietly() {
        try {
            Optional<ServerProcess> jvm = runningProcess();
            if (jvm.isPresent()) {
                jvm.get().killWithChildren(PROCESS_EXIT_TIMEOUT);
            }
            LIVE.remove(this);
        } catch (RuntimeException e) {
            System.err.println("could not kill Liberty server " + name + ": " + e);
        }
    }

    /** A server left running by an aborted earlier test run in the same directory would hold its ports and files. */
    private void killLeftoverFromEarlierRun() {
        runningProcess().ifPresent(jvm -> {
            System.err.println("Killing " + name + " left running by an earlier test run: " + jvm);
            killQuietly();
        });
    }
}
