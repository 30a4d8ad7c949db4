package io.practicalsystems.crawler.testweb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessLogsTest {

    private static TestWeb.Access access(String host, String path, long arrivalMs, long completedMs) {
        return new TestWeb.Access(host, path, "127.0.0.1", "127.0.1.1", arrivalMs * 1_000_000, arrivalMs, 200,
                completedMs < 0 ? -1 : completedMs * 1_000_000, "bot");
    }

    private final List<TestWeb.Access> log = List.of(
            access("a", "/1", 0, 10),
            access("b", "/1", 5, 400),
            access("a", "/2", 1_000, 1_010),
            access("a", "/3", 1_300, 1_320),
            access("b", "/2", 300, 310),
            access("b", "/1", 2_000, -1));

    @Test
    void smallestGapPerHost() {
        assertThat(AccessLogs.smallestGapPerHost(log))
                .containsEntry("a", Duration.ofMillis(300))
                .containsEntry("b", Duration.ofMillis(295));
    }

    @Test
    void overlappingRequestsToOneHost() {
        assertThat(AccessLogs.overlapsPerHost(log)).singleElement()
                .satisfies(pair -> assertThat(pair).extracting(TestWeb.Access::pathAndQuery).containsExactly("/1", "/2"));
    }

    @Test
    void urlsRequestedTwice() {
        assertThat(AccessLogs.requestedMoreThanOnce(log, 80)).containsExactly(java.util.Map.entry("http://b:80/1", 2L));
    }
}
