package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code bin/kv-cluster.sh} as an operator runs it, on a one-node cluster (N=R=W=1) of its own: the embedded Redis
 * and Mongo-wire ports follow {@code BASE_PORT}; {@code kill} ends the node's embedded redis-server with the JVM (an
 * orphan would keep its port, and the restart's Redis would fail); {@code restart} brings the node back; {@code stop}
 * leaves no process of the cluster behind. One start and one restart serve every check.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KvClusterScriptIT {

    /** start and restart give up after this long (READY_TIMEOUT), as the harness does for its own servers. */
    private static final int READY_TIMEOUT_S = 420;

    private Path root;
    private Path clusterDir;
    private int basePort;
    /** The node's JVM and every process below it, while it runs. */
    private List<ProcessHandle> processes = List.of();

    @BeforeAll
    void start() throws Exception {
        // .../ear/target/liberty/wlp → the repository root, where bin/ is
        root = Path.of(System.getProperty("liberty.install.dir")).toAbsolutePath().getParent().getParent()
                .getParent().getParent();
        clusterDir = Path.of(System.getProperty("test.work.dir")).toAbsolutePath().resolve("kv-cluster-script");
        deleteRecursively(clusterDir); // the script keeps a node's configuration, ports included, once prepared
        basePort = freeBasePort();
        Script result = run("start");
        assertThat(result.exitCode).as(result.output).isZero();
        assertThat(result.output).contains("kv-1 ready on http://127.0.0.1:" + (basePort + 1));
    }

    @AfterAll
    void stopEvenIfATestFailed() throws Exception {
        run("stop");
        processes.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    @Order(1)
    void theEmbeddedServicesListenOnPortsThatFollowBasePort() throws Exception {
        String env = Files.readString(clusterDir.resolve("kv-1/usr/servers/kv-1/server.env"));
        assertThat(env).contains("PS_EMBEDDED_REDIS_PORT=" + (basePort + 7300))
                .contains("PS_EMBEDDED_MONGODB_PORT=" + (basePort + 18038));
        assertThat(listening(basePort + 7300)).as("the node's embedded redis-server").isTrue();
        processes = nodeProcesses();
        assertThat(processes).as("the JVM and its redis-server").hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @Order(2)
    void killEndsTheNodesRedisServerWithItAndRestartBringsTheNodeBack() throws Exception {
        List<ProcessHandle> before = nodeProcesses();
        Script kill = run("kill", "1");
        assertThat(kill.exitCode).as(kill.output).isZero();
        awaitGone(before);
        assertThat(listening(basePort + 7300)).as("the redis port is free again").isFalse();

        Script restart = run("restart", "1");
        assertThat(restart.exitCode).as(restart.output).isZero();
        assertThat(listening(basePort + 7300)).as("a new embedded redis-server").isTrue();
        processes = nodeProcesses();
    }

    @Test
    @Order(3)
    void stopLeavesNoProcessOfTheClusterBehind() throws Exception {
        List<ProcessHandle> before = nodeProcesses();
        assertThat(before).isNotEmpty();
        Script stop = run("stop");
        assertThat(stop.exitCode).as(stop.output).isZero();
        awaitGone(before);
        assertThat(IntStream.of(basePort + 1, basePort + 7300).filter(KvClusterScriptIT::listening).boxed().toList())
                .as("ports still listening").isEmpty();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private List<ProcessHandle> nodeProcesses() throws IOException {
        long pid = Long.parseLong(Files.readString(clusterDir.resolve("kv-1/output/.pid/kv-1.pid")).trim());
        ProcessHandle jvm = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no process " + pid));
        List<ProcessHandle> all = new ArrayList<>();
        all.add(jvm);
        jvm.descendants().forEach(all::add);
        return all;
    }

    /** Every process of {@code handles} ends within 60 s (a killed JVM and its children go at once). */
    private static void awaitGone(List<ProcessHandle> handles) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (handles.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(handles.stream().filter(ProcessHandle::isAlive)
                .map(h -> h.pid() + " " + h.info().command().orElse("?")).toList())
                .as("processes of the cluster still running").isEmpty();
    }

    private record Script(int exitCode, String output) {
    }

    private Script run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(root.resolve("bin/kv-cluster.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("NODES", "1", "QUORUM", "1/1/1", "BASE_PORT", Integer.toString(basePort),
                "KV_CLUSTER_DIR", clusterDir.toString(), "READY_TIMEOUT", Integer.toString(READY_TIMEOUT_S)));
        Process process = builder.start();
        if (!process.waitFor(READY_TIMEOUT_S + 120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/kv-cluster.sh " + String.join(" ", args) + " did not end: its wait loops "
                    + "have no time limit");
        }
        return new Script(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    /**
     * A BASE_PORT whose node ports (HTTP +1, HTTPS +1001, Redis +7300, Mongo-wire +18038) are all free: from a range
     * below the ephemeral ports, so the highest stays under 65536.
     */
    private static int freeBasePort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = 20_000 + (int) (Math.random() * 12_000);
            if (IntStream.of(1, 1001, 7300, 18038).allMatch(offset -> bindable(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free BASE_PORT found");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), (int) Duration.ofSeconds(2).toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
