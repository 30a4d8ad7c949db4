package io.practicalsystems.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import io.practicalsystems.platform.testkit.Await;
import java.time.Duration;

/** A reader's {@code GET /api/feed/live} stream, its lines collected as they arrive. */
final class LiveStream implements AutoCloseable {

    private final Stream<String> body;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private LiveStream(Stream<String> body) {
        this.body = body;
        Thread reader = new Thread(() -> {
            try {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }, "live-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    static LiveStream open(FeedUser user) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(user.server().baseUrl() + "/api/feed/live"))
                .header("Authorization", "Bearer " + user.token()).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return new LiveStream(response.body());
    }

    /** The first line (so far or still to come) that matches. */
    String awaitLine(String what, Predicate<String> matches) {
        return Await.until(what, () -> lines.stream().filter(matches).findFirst().orElse(null),
                line -> line != null, Duration.ofSeconds(60));
    }

    String lineBefore(String line) {
        int at = lines.indexOf(line);
        return at > 0 ? lines.get(at - 1) : null;
    }

    @Override
    public void close() {
        body.close();
    }
}
