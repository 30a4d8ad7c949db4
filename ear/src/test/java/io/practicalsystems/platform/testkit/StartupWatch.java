package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * Watches one {@code bin/server start} until the application is up, or until it is clear it will not be.
 *
 * <p>"Up" is CWWKZ0001I for the application in messages.log <em>and</em> the HTTP port accepting connections:
 * Liberty logs CWWKZ0001I a moment before it opens its HTTP listener. CWWKF0011I ("server ready") is not used: when
 * the application is slow (several servers starting at once on 2 cores) Liberty logs it <em>before</em> the
 * application has started.
 *
 * <p>"Will not be" is, whichever comes first: a line {@link MessagesLog#applicationFailures} recognises, the server
 * JVM dying, {@code server start} failing before any JVM ran, or the timeout.
 */
final class StartupWatch {

    private static final Duration POLL = Duration.ofMillis(250);

    /** Why a start failed, with the log snapshot that shows it. */
    static final class Failure extends Exception {
        final transient MessagesLog log;
        final List<String> evidence;

        Failure(String reason, MessagesLog log, List<String> evidence) {
            super(reason);
            this.log = log;
            this.evidence = evidence;
        }
    }

    private final ServerDirectories dirs;
    private final Process command;
    private final String appName;
    private final int httpPort;

    StartupWatch(ServerDirectories dirs, Process startCommand, String appName, int httpPort) {
        this.dirs = dirs;
        this.command = startCommand;
        this.appName = appName;
        this.httpPort = httpPort;
    }

    void await(Duration timeout) throws Failure {
        Instant deadline = Instant.now().plus(timeout);
        ServerProcess jvm = null;
        while (true) {
            MessagesLog log = MessagesLog.read(dirs.messagesLog());
            if (jvm == null) {
                jvm = findJvm();
            }
            List<String> failures = log.applicationFailures(appName);
            if (!failures.isEmpty()) {
                throw new Failure("the application failed to start", log, failures);
            }
            if (log.applicationStarted(appName) && acceptsConnections(httpPort)) {
                return;
            }
            if (jvm != null && !jvm.isAlive()) {
                throw new Failure("the server JVM (" + jvm + ") died", log, List.of());
            }
            if (jvm == null && !command.isAlive() && command.exitValue() != 0) {
                throw new Failure("`server start` exited with code " + command.exitValue()
                        + " and no server JVM is running", log, List.of());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new Failure("the application did not start within " + timeout.toSeconds() + " s", log,
                        List.of());
            }
            ServerProcess.sleep(POLL);
        }
    }

    /** The JVM as the start script's child, or (once the script is done) from the pid file it wrote. */
    private ServerProcess findJvm() {
        ServerProcess found = ServerProcess.launchedBy(command).orElse(null);
        if (found != null) {
            dirs.writePid(found.pid()); // now stop()/kill()/the shutdown hook can find it during start-up
            return found;
        }
        if (!command.isAlive()) {
            OptionalLong pid = dirs.readPid(); // the stale one was deleted before the start: this one is current
            return pid.isPresent() ? new ServerProcess(pid.getAsLong()) : null;
        }
        return null;
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
