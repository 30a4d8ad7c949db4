package io.practicalsystems.platform.docstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backend's start/stop logic outside a container: fields set as MicroProfile Config would set them. */
class DocumentStoreBackendTest {

    @TempDir
    Path dataDir;

    private DocumentStoreBackend backend(Optional<String> url, int port) {
        DocumentStoreBackend backend = new DocumentStoreBackend();
        backend.configuredUrl = url;
        backend.database = "practical";
        backend.embeddedPort = port;
        backend.dataDir = dataDir.toString();
        return backend;
    }

    @Test
    void nothingConfiguredStartsTheEmbeddedServerAndStopsIt() {
        int port = FreePort.find();
        DocumentStoreBackend backend = backend(Optional.empty(), port);
        backend.start();
        try {
            assertThat(backend.startupError()).isEmpty();
            assertThat(backend.uri()).isEqualTo("mongodb://127.0.0.1:" + port);
            assertThat(backend.description()).startsWith("embedded mongodb");
            assertThat(backend.client().getDatabase("practical").runCommand(new Document("ping", 1)))
                    .containsKey("ok");
            assertThat(EmbeddedMongo.dataFile(dataDir)).exists();
        } finally {
            backend.stop();
        }
        assertThatThrownBy(backend::client).isInstanceOf(IllegalStateException.class);
        // Stopped means the port is free again.
        assertThat(io.practicalsystems.platform.PortProbe.answersOnLoopback(port)).isFalse();
    }

    @Test
    void aConfiguredUrlIsUsedAsIsAndNothingStartsEvenIfItIsDown() {
        int deadPort = FreePort.find();
        DocumentStoreBackend backend = backend(Optional.of("mongodb://app:s3cret@127.0.0.1:" + deadPort),
                FreePort.find());
        backend.start();
        try {
            // Lazy driver: a down server does not fail (or delay) the start; readiness reports it.
            assertThat(backend.startupError()).isEmpty();
            assertThat(backend.description()).contains("external").doesNotContain("s3cret");
            assertThat(EmbeddedMongo.dataFile(dataDir)).doesNotExist();
        } finally {
            backend.stop();
        }
    }

    @Test
    void aMalformedUrlIsReportedNotThrown() {
        DocumentStoreBackend backend = backend(Optional.of("http://not-mongo"), FreePort.find());
        backend.start();
        assertThat(backend.startupError()).hasValueSatisfying(e -> assertThat(e).contains("mongodb://"));
        assertThatThrownBy(backend::client).hasMessageContaining("unavailable");
        backend.stop();
    }
}
