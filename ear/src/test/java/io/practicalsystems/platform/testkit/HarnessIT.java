package io.practicalsystems.platform.testkit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness itself, end to end: two real servers from one build, on the embedded defaults (Derby, and the
 * app's embedded Redis/MongoDB on ports unique per server), then a crash and a restart of one of them.
 *
 * <p>Uses only {@code /api/ping}: it needs nothing but the application started, while {@code /health/ready}
 * depends on checks other parts of the app add.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HarnessIT {

    private LibertyCluster cluster;

    /** Servers of its own (one is killed); /health/ready is not awaited, see above. */
    @BeforeAll
    void startTwoServers(OwnServers own) {
        cluster = own.closeWhenDone(LibertyCluster.of(2, (i, node) -> node
                .env("DB_KIND", "derby")
                .env("PS_EMBEDDED_REDIS_PORT", FreePorts.next())
                .env("PS_EMBEDDED_MONGODB_PORT", FreePorts.next())));
        cluster.startAll();
    }

    @Test
    @Order(1)
    void bothServersAnswerOnTheirOwnPortsFromTheirOwnDirectories() throws IOException {
        LibertyServer first = cluster.get(0);
        LibertyServer second = cluster.get(1);

        assertThat(first.httpPort()).isNotEqualTo(second.httpPort());
        assertThat(first.env().get("PS_EMBEDDED_REDIS_PORT")).isNotEqualTo(second.env().get("PS_EMBEDDED_REDIS_PORT"));
        assertAnswersPing(first);
        assertAnswersPing(second);

        // Each JVM really runs in its own directory (bin/server cd's to ${server.output.dir}), not in the runtime.
        Path firstCwd = workingDirectoryOf(first);
        Path secondCwd = workingDirectoryOf(second);
        assertThat(firstCwd).isEqualTo(first.serverOutputDir().toRealPath());
        assertThat(secondCwd).isEqualTo(second.serverOutputDir().toRealPath());
        assertThat(firstCwd).isNotEqualTo(secondCwd);
        assertThat(first.pid()).isNotEqualTo(second.pid());
        assertThat(first.messagesLog()).isNotEqualTo(second.messagesLog());
        assertThat(first.logContains("The server " + first.name() + " has been launched")).isTrue();
        assertThat(second.logContains("The server " + second.name() + " has been launched")).isTrue();
    }

    @Test
    @Order(2)
    void aKilledServerStopsAnsweringWhileTheOtherKeepsServingAndAnswersAgainAfterRestart() {
        LibertyServer victim = cluster.get(0);
        LibertyServer survivor = cluster.get(1);

        victim.kill();

        assertThat(victim.isRunning()).isFalse();
        assertThat(Http.tryGet(victim.baseUrl() + "/api/ping"))
                .as("a killed server must not answer")
                .isEmpty();
        assertAnswersPing(survivor);

        victim.restart();

        assertThat(victim.isRunning()).isTrue();
        assertAnswersPing(victim);
        assertAnswersPing(survivor);
    }

    private static void assertAnswersPing(LibertyServer server) {
        Http.Response response = Http.get(server.baseUrl() + "/api/ping");
        assertThat(response.status()).as(server.name() + " /api/ping status").isEqualTo(200);
        assertThat(response.body()).as(server.name() + " /api/ping body").contains("pong");
    }

    /** Linux: the JVM's current directory, from /proc. */
    private static Path workingDirectoryOf(LibertyServer server) throws IOException {
        long pid = server.pid().orElseThrow(() -> new AssertionError(server.name() + " has no running JVM"));
        return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
    }
}
