package io.practicalsystems.platform.docstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server for real: Mongo driver against mongo-java-server with the H2 backend in a temp dir. */
class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void documentsSurviveAStopAndARestartOnTheSameFile() {
        Path file = EmbeddedMongo.dataFile(dataDir);
        int port = FreePort.find();

        try (EmbeddedMongo server = EmbeddedMongo.start(file, port);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("practical").getCollection("things");
            things.insertMany(List.of(new Document("_id", "a").append("n", 1),
                    new Document("_id", "b").append("n", 2)));
            things.updateOne(Filters.eq("_id", "b"), new Document("$set", new Document("n", 20)));
        }
        assertThat(file).exists();

        // A different port on purpose: what persists is the file, not the process.
        int otherPort = FreePort.find();
        try (EmbeddedMongo server = EmbeddedMongo.start(file, otherPort);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> things = client.getDatabase("practical").getCollection("things");
            assertThat(things.countDocuments()).isEqualTo(2);
            assertThat(things.find(Filters.eq("_id", "b")).first()).containsEntry("n", 20);
        }
    }

    @Test
    void aBusyPortFailsCleanlyAndReleasesTheFile() throws IOException, InterruptedException {
        Path file = EmbeddedMongo.dataFile(dataDir);
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedMongo.start(file, busy.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(String.valueOf(busy.getLocalPort()));
        }
        // Had the failed attempt kept the MVStore open, its file lock would make this start fail.
        try (EmbeddedMongo server = EmbeddedMongo.start(file, FreePort.find())) {
            assertThat(server.file()).isEqualTo(file);
        }
        // Netty completes an event loop's termination future just before its thread exits, so a thread can
        // still be alive for an instant after close() returned: give each one a bounded chance to finish.
        // A loop that was never shut down keeps running and fails here.
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("mongo-server-") && !t.isDaemon()) {
                t.join(5_000);
            }
        }
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("mongo-server-") && t.isAlive() && !t.isDaemon());
    }

    @Test
    void theDataFileIsPerDataDirectory() {
        assertThat(EmbeddedMongo.dataFile(Path.of("/srv/a/data")))
                .isEqualTo(Path.of("/srv/a/data/mongodb/practical.mv"));
    }
}
