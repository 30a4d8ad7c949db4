package io.practicalsystems.platform.docstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStorePingTest {

    @TempDir
    Path dataDir;

    @Test
    void aRunningServerAnswersPing() {
        try (EmbeddedMongo server = EmbeddedMongo.start(EmbeddedMongo.dataFile(dataDir), FreePort.find());
             DocumentStorePing ping = new DocumentStorePing(server.connectionString(), "practical",
                     Duration.ofSeconds(2))) {
            assertThat(ping.ping()).isEmpty();
        }
    }

    @Test
    void aDeadServerIsReportedWithinTheTimeoutNotTheDriversThirtySeconds() {
        long begin = System.nanoTime();
        try (DocumentStorePing ping = new DocumentStorePing("mongodb://127.0.0.1:" + FreePort.find(),
                "practical", Duration.ofMillis(500))) {
            assertThat(ping.ping()).hasValueSatisfying(error -> assertThat(error).contains("Timeout"));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - begin)).isLessThan(Duration.ofSeconds(5));
    }
}
