package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A read asks R=2 replicas, its own copy first, then peers its failure detector sees up, and one more when R answers
 * are late: on the real three-node cluster (shared with KvClusterIT), with kv-2 stopped by SIGSTOP — a process that
 * keeps its connections open and answers nothing, which only the request timeout would otherwise reveal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedKvCluster.class)
class KvSpeculativeReadIT {

    private static final NodeId KV_2 = NodeId.of("kv-2");
    private static final NodeId KV_3 = NodeId.of("kv-3");
    /** The cluster's ring (64 vnodes each, the default): which peer a read on kv-1 asks after its own copy. */
    private static final HashRing RING = HashRing.of(List.of(NodeId.of("kv-1"), KV_2, KV_3), 64);

    private KvTestCluster cluster;

    @BeforeAll
    void start(KvTestCluster shared) {
        cluster = shared;
    }

    @Test
    void withKv2StoppedReadsOnKv1SpeculateUntilItsDetectorSeesKv2DownThenAskKv3Directly() throws Exception {
        LibertyServer coordinator = cluster.get(0);
        List<String> keys = IntStream.range(0, 24).mapToObj(i -> "speculative-" + i + "-" + UUID.randomUUID())
                .toList();
        keys.forEach(key -> assertThat(Kv.put(coordinator, key, key, null, "?w=3").status()).isEqualTo(200));
        List<String> kv2First = keys.stream().filter(KvSpeculativeReadIT::kv2BeforeKv3).toList();
        assertThat(kv2First).as("keys whose read on kv-1 asks kv-2 after its own copy").hasSizeGreaterThan(3);

        LibertyServer stopped = cluster.get(1);
        signal(stopped, "STOP");
        try {
            long before = speculativeReads(coordinator);
            kv2First.forEach(key -> assertReadFromKv1AndKv3(coordinator, key)); // within ms: kv-2 still looks up
            assertThat(speculativeReads(coordinator) - before).as("reads that asked kv-2 and waited 50 ms for it")
                    .isPositive();

            Await.until("kv-1 sees kv-2 down", () -> reachability(coordinator, "kv-2"), r -> !r.equals("ALIVE"),
                    SharedKvCluster.CONVERGE);
            long known = speculativeReads(coordinator);
            keys.forEach(key -> assertReadFromKv1AndKv3(coordinator, key));
            // Not zero for certain: kv-3 itself may take over 50 ms now and then on a busy machine.
            assertThat(speculativeReads(coordinator) - known).as("speculative reads once kv-2 is known down")
                    .isLessThan(kv2First.size());
        } finally {
            signal(stopped, "CONT");
        }
    }

    private static void assertReadFromKv1AndKv3(LibertyServer coordinator, String key) {
        Http.Response read = Kv.get(coordinator, key, "");
        assertThat(read.status()).as(key).isEqualTo(200);
        assertThat(Kv.values(read)).containsExactly(key);
        assertThat(read.json().getJsonArray("answeredBy").getValuesAs(JsonString::getString))
                .containsExactly("kv-1", "kv-3");
    }

    private static String reachability(LibertyServer server, String node) {
        return Kv.cluster(server).getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .filter(m -> m.getString("id").equals(node)).findFirst().orElseThrow().getString("reachability");
    }

    /** On kv-1, a read asks its own copy, then the first of kv-2 and kv-3 in the key's preference list. */
    private static boolean kv2BeforeKv3(String key) {
        List<NodeId> preference = RING.preferenceList(key, 3);
        return preference.indexOf(KV_2) < preference.indexOf(KV_3);
    }

    private static long speculativeReads(LibertyServer server) {
        var counters = Kv.cluster(server).getJsonObject("counters");
        return counters.containsKey("speculativeReads") ? counters.getJsonNumber("speculativeReads").longValue() : 0;
    }

    private static void signal(LibertyServer server, String signal) throws IOException, InterruptedException {
        long pid = server.pid().orElseThrow(() -> new IllegalStateException(server.name() + " is not running"));
        int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
        assertThat(exit).as("kill -%s %s", signal, pid).isZero();
    }
}
