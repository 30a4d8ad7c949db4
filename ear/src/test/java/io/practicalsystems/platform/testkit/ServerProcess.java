package io.practicalsystems.platform.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operating-system process of one running Liberty server JVM, found by pid.
 *
 * <p>The JVM is not a child of the test JVM: {@code bin/server start} launches it in the background and exits, so
 * the JVM is re-parented to init. Everything here therefore works on a pid read from Liberty's pid file, through
 * {@link ProcessHandle} (which supports non-child processes on Linux by reading {@code /proc}).
 */
final class ServerProcess {

    private static final Duration POLL = Duration.ofMillis(100);

    private final long pid;

    ServerProcess(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    /**
     * Alive and not a zombie. A zombie still answers {@code kill(pid, 0)} (which is what
     * {@link ProcessHandle#isAlive()} does for non-children), so a killed JVM whose parent has not reaped it yet
     * would look alive without the {@code /proc/<pid>/stat} check.
     */
    boolean isAlive() {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        return !isZombie();
    }

    private boolean isZombie() {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String content = Files.readString(stat);
            // Format: "pid (comm) S ...": the state is the first field after the closing parenthesis of comm.
            int close = content.lastIndexOf(')');
            return close > 0 && close + 2 < content.length() && content.charAt(close + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // no /proc (not Linux) or the process vanished meanwhile: trust ProcessHandle
        }
    }

    /** The command line, if the OS tells it; used to make sure a pid really is a Liberty JVM before killing it. */
    Optional<String> commandLine() {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine());
    }

    /**
     * Processes the server JVM started (e.g. an embedded redis-server binary). Taken before stopping or killing
     * the JVM, because once it is gone its children are re-parented to init and can no longer be found from it.
     */
    List<ProcessHandle> descendants() {
        return ProcessHandle.of(pid).map(h -> h.descendants().toList()).orElse(List.of());
    }

    /**
     * SIGKILL: {@link ProcessHandle#destroyForcibly()} is {@code kill(pid, SIGKILL)} on Linux, i.e. {@code kill -9},
     * without forking a shell. The JVM gets no chance to run shutdown hooks, exactly like a crash.
     */
    void killForcibly(Duration timeout) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        if (!awaitExit(timeout)) {
            throw new IllegalStateException("process " + pid + " still alive " + timeout.toSeconds()
                    + " s after SIGKILL");
        }
    }

    /**
     * SIGKILL this JVM and then everything it had started: as orphans those would keep their ports and break a
     * restart. Returns once the JVM is gone.
     */
    void killWithChildren(Duration timeout) {
        List<ProcessHandle> children = descendants(); // before the kill: afterwards they are init's children
        killForcibly(timeout);
        killAll(children);
    }

    /** Waits until the process is gone (or a zombie); true if it is. */
    boolean awaitExit(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (isAlive()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    /**
     * The server JVM a running {@code bin/server start} has launched, if it has yet. While the script waits for
     * the server to report "started" the JVM is its child; the other JVM it runs meanwhile is the status checker
     * ({@code ... ws-server.jar NAME --pid=N --status:start}), told apart by those options.
     */
    static Optional<ServerProcess> launchedBy(Process startCommand) {
        return startCommand.descendants()
                .filter(p -> p.info().commandLine()
                        .filter(c -> c.contains("ws-server.jar") && !c.contains("--status") && !c.contains("--pid="))
                        .isPresent())
                .map(p -> new ServerProcess(p.pid()))
                .findFirst();
    }

    /** Kills processes left over by a server JVM that is gone (orphans would keep their ports bound). */
    static void killAll(List<ProcessHandle> processes) {
        for (ProcessHandle p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (ProcessHandle p : processes) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // best effort: a survivor is reported by the caller's next port check, not here
            }
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "pid " + pid;
    }
}
