package io.practicalsystems.platform.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Polls a few URLs of a server in a loop on a thread of its own, from before the server starts until {@link #stop},
 * and keeps every answer: what a client sees from the moment the HTTP port opens. Connection failures (the port not
 * open yet) are not answers.
 *
 * <pre>{@code
 * try (StartupPoller poller = StartupPoller.start(server.baseUrl(), List.of("/api/ping"))) {
 *     server.start();
 *     server.awaitReady();
 *     List<StartupPoller.Answer> answers = poller.stop();
 * }
 * }</pre>
 */
public final class StartupPoller implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(20);

    /** One answer: the path asked, the status, the Content-Type and Retry-After headers (empty when absent). */
    public record Answer(String path, int status, String contentType, Optional<String> retryAfter, String body) {

        /** Liberty's own "no application here" answer, not the application's. */
        public boolean isContainersNotFoundPage() {
            return status == 404 && contentType.startsWith("text/html");
        }

        @Override
        public String toString() {
            return path + " → " + status + " " + contentType + retryAfter.map(r -> " Retry-After " + r).orElse("")
                    + " " + body.substring(0, Math.min(body.length(), 160));
        }
    }

    private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean stopped;

    private StartupPoller(String baseUrl, List<String> paths) {
        thread = new Thread(() -> {
            while (!stopped) {
                for (String path : paths) {
                    Http.tryGet(baseUrl + path).ifPresent(r -> answers.add(new Answer(path, r.status(),
                            r.header("Content-Type").orElse(""), r.header("Retry-After"), r.body())));
                }
                ServerProcess.sleep(PAUSE);
            }
        }, "startup-poller");
        thread.setDaemon(true);
    }

    /** Starts polling {@code paths} (each starting with '/') of {@code baseUrl}. */
    public static StartupPoller start(String baseUrl, List<String> paths) {
        StartupPoller poller = new StartupPoller(baseUrl, paths);
        poller.thread.start();
        return poller;
    }

    /** The paths that have had at least one answer so far. */
    public Set<String> answeredPaths() {
        synchronized (answers) {
            return answers.stream().map(Answer::path).collect(Collectors.toSet());
        }
    }

    /** Stops polling and returns every answer, in order. */
    public List<Answer> stop() {
        stopped = true;
        try {
            thread.join(Http.REQUEST_TIMEOUT.toMillis() * 2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (answers) {
            return List.copyOf(answers);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
