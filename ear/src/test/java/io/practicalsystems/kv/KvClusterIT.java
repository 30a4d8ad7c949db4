package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.platform.testkit.Await;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.StartupPoller;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three Liberty servers, N=3 R=2 W=2, talking HTTP through per-pair TCP proxies: replication, a node killed with
 * kill -9 during a write load, and a real partition (connections cut both ways), each healed and checked by
 * comparing the stored copies on every node.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({LibertyServers.class, SharedKvCluster.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KvClusterIT {

    private static final Duration CONVERGE = Duration.ofSeconds(60);

    private OwnServers own;
    private KvTestCluster cluster;
    /** The fourth node, kv-4, from its join (order 7) to its leave (order 9). */
    private LibertyServer joiner;
    /** Keys written before the join, which move to kv-4 and back. */
    private List<String> moving;

    /**
     * The cluster shared with ConsoleKvClusterIT ({@link SharedKvCluster}), healed and serving; nodes are killed,
     * partitioned and restarted on it. The joiner is a server of this class's own.
     */
    @BeforeAll
    void start(OwnServers own, KvTestCluster shared) {
        this.own = own;
        cluster = shared;
    }

    private void awaitEveryoneSees(int alive, String state) {
        for (LibertyServer server : cluster.servers()) {
            if (!server.isRunning()) {
                continue;
            }
            Await.until(server.name() + " sees " + alive + " members " + state, () -> Kv.cluster(server),
                    view -> view.getInt("ringNodes") == 3 && view.getJsonArray("members").stream()
                            .map(JsonValue::asJsonObject)
                            .filter(m -> m.getString("reachability").equals(state)).count() == alive,
                    CONVERGE);
        }
    }

    private static int hintsQueued(LibertyServer server) {
        JsonObject hints = Kv.cluster(server).getJsonObject("hintsByTarget");
        return hints.values().stream().mapToInt(v -> ((jakarta.json.JsonNumber) v).intValue()).sum();
    }

    @Test
    @Order(1)
    void gossipMakesEveryNodeSeeThreeAliveMembersOwningTheRingTogether() {
        JsonObject view = Kv.cluster(cluster.get(0));
        assertThat(view.getString("quorum")).isEqualTo("3/2/2");
        double ownership = view.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                .mapToDouble(m -> m.getJsonNumber("ownership").doubleValue()).sum();
        assertThat(ownership).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @Order(2)
    void aWriteOnOneNodeIsStoredOnAllThreeAndReadFromAnyNode() {
        String key = "replicated-" + UUID.randomUUID();
        assertThat(Kv.put(cluster.get(0), key, "v1", null, "").status()).isEqualTo(200);

        for (LibertyServer server : cluster.servers()) {
            Http.Response read = Kv.get(server, key, "?r=3");
            assertThat(read.status()).as(server.name()).isEqualTo(200);
            assertThat(Kv.values(read)).containsExactly("v1");
        }
        Await.until("all three replicas equal", () -> Kv.replicasMatch(cluster.servers(), cluster.secret, key),
                ok -> ok, CONVERGE);
    }

    @Test
    @Order(3)
    void keysWrittenToOneReplicaOnlyReachTheOtherTwoByAntiEntropyWithoutAnyRead() {
        List<String> keys = IntStream.range(0, 20).mapToObj(i -> "one-replica-" + i + "-" + UUID.randomUUID())
                .toList();
        for (int i = 0; i < keys.size(); i++) {
            int holder = i % 3;
            Kv.writeToOneReplica(cluster.get(holder), cluster.secret, keys.get(i), KvTestCluster.nodeId(holder),
                    "only copy " + i);
        }

        // No client read: read repair must not be what copies them.
        for (String key : keys) {
            Await.until(key + " on all three", () -> Kv.replicasMatch(cluster.servers(), cluster.secret, key),
                    ok -> ok, CONVERGE);
        }
    }

    @Test
    @Order(4)
    void concurrentWritesOnTwoCoordinatorsWithTheSameContextBecomeSiblings() {
        String key = "siblings-" + UUID.randomUUID();
        Kv.put(cluster.get(0), key, "v0", null, "");
        String context = Kv.context(Kv.get(cluster.get(0), key, "?r=3"));

        assertThat(Kv.put(cluster.get(0), key, "from-1", context, "").status()).isEqualTo(200);
        assertThat(Kv.put(cluster.get(1), key, "from-2", context, "").status()).isEqualTo(200);

        Http.Response read = Kv.get(cluster.get(2), key, "?r=3");
        assertThat(Kv.values(read)).containsExactly("from-1", "from-2");
        Kv.put(cluster.get(2), key, "merged", Kv.context(read), "");
        assertThat(Kv.values(Kv.get(cluster.get(0), key, "?r=3"))).containsExactly("merged");
    }

    @Test
    @Order(5)
    void killMinus9DuringAWriteLoadKeepsW2WritesSucceedingAndHintsCatchTheNodeUpWhenItReturns() {
        LibertyServer victim = cluster.get(2);
        String present = "present-" + UUID.randomUUID();
        assertThat(Kv.put(cluster.get(0), present, "here", null, "?w=3").status()).isEqualTo(200);
        List<String> keys = IntStream.range(0, 120).mapToObj(i -> "load-" + i + "-" + UUID.randomUUID()).toList();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (i == 30) {
                victim.kill();
            }
            statuses.add(Kv.put(cluster.get(i % 2), keys.get(i), "value-" + i, null, "?w=2").status());
        }
        assertThat(statuses).as("every W=2 write acknowledged").allMatch(s -> s == 200);
        // one hint per write since the kill; the last ones land when their call to the dead node fails
        Await.until("a hint held for every write since the kill",
                () -> hintsQueued(cluster.get(0)) + hintsQueued(cluster.get(1)), n -> n >= 90, CONVERGE);

        List<StartupPoller.Answer> whileStarting = restartPolling(victim, present);
        assertThat(whileStarting).as("answers of the restarting node").anyMatch(a -> a.path().startsWith("/api/kv/"));
        assertThat(whileStarting).as("Liberty's 404 page: no application behind the open port yet")
                .noneMatch(StartupPoller.Answer::isContainersNotFoundPage);
        assertThat(whileStarting).filteredOn(a -> a.status() == 503).as("a 503 says when to retry").allSatisfy(a -> {
            assertThat(a.contentType()).startsWith("application/problem+json");
            assertThat(a.retryAfter()).isPresent();
        });
        assertThat(whileStarting).filteredOn(a -> a.path().startsWith("/api/kv/"))
                .as("a key all three nodes hold is never answered as absent").allMatch(a -> a.status() == 200
                        || a.status() == 503);
        awaitEveryoneSees(3, "ALIVE");
        cluster.awaitServing(CONVERGE);
        for (LibertyServer server : List.of(cluster.get(0), cluster.get(1))) {
            Await.until(server.name() + " delivered its hints", () -> hintsQueued(server), n -> n == 0, CONVERGE);
        }
        // An empty queue can still have a batch in delivery (a drain takes the queue, then sends it): await each.
        for (String key : keys) {
            Await.until(key + " identical on all three", () -> Kv.replicasMatch(cluster.servers(), cluster.secret,
                    key), ok -> ok, CONVERGE);
        }
    }

    /**
     * Starts {@code server} again and polls an API call of each of the five systems from before the port opens until
     * the node is ready (a key it holds among them): every answer a client could get while it starts.
     */
    private static List<StartupPoller.Answer> restartPolling(LibertyServer server, String heldKey) {
        List<String> paths = List.of("/api/kv/" + heldKey, "/api/ping", "/api/ids/info", "/api/urls/no-such-code",
                "/api/crawls", "/api/feed/posts/1");
        try (StartupPoller poller = StartupPoller.start(server.baseUrl(), paths)) {
            server.start();
            server.awaitReady();
            Await.until(server.name() + " reads " + heldKey, () -> Kv.get(server, heldKey, "").status(),
                    status -> status == 200, CONVERGE);
            // The port opens only once the application has started, so the poller's first round can find it closed
            // for the first paths and open for the rest: poll until every path has had an answer.
            Await.until("an answer to every polled path", poller::answeredPaths,
                    answered -> answered.containsAll(paths), CONVERGE);
            return poller.stop();
        }
    }

    @Test
    @Order(6)
    void aPartitionedNodeWritesOnItsSideAndAfterHealingBothSidesWritesSurviveAsSiblings() {
        String shared = "partitioned-" + UUID.randomUUID();
        Kv.put(cluster.get(0), shared, "before", null, "?w=3");
        String context = Kv.context(Kv.get(cluster.get(0), shared, "?r=3"));

        cluster.isolate(2);
        Await.until("the majority sees kv-3 unreachable", () -> Kv.cluster(cluster.get(0)),
                view -> view.getJsonArray("members").stream().map(JsonValue::asJsonObject)
                        .anyMatch(m -> m.getString("id").equals("kv-3")
                                && !m.getString("reachability").equals("ALIVE")), CONVERGE);

        assertThat(Kv.put(cluster.get(0), shared, "majority", context, "?w=2").status()).isEqualTo(200);
        Http.Response minorityStrict = Kv.put(cluster.get(2), shared, "minority", context, "?w=2");
        assertThat(minorityStrict.status()).as("W=2 cannot be met alone").isEqualTo(503);
        assertThat(minorityStrict.json().getInt("needed")).isEqualTo(2);
        assertThat(Kv.put(cluster.get(2), shared, "minority", context, "?w=1").status()).isEqualTo(200);
        List<String> majorityOnly = IntStream.range(0, 20).mapToObj(i -> "majority-" + i + "-" + UUID.randomUUID())
                .toList();
        majorityOnly.forEach(key -> assertThat(Kv.put(cluster.get(1), key, key, null, "?w=2").status())
                .isEqualTo(200));

        cluster.heal();
        awaitEveryoneSees(3, "ALIVE");
        // No reads before convergence: read repair must not be what fixes them; hints and anti-entropy must.
        Await.until("anti-entropy and hints converge the shared key",
                () -> Kv.replicasMatch(cluster.servers(), cluster.secret, shared), ok -> ok, CONVERGE);
        for (String key : majorityOnly) {
            Await.until(key + " on all three", () -> Kv.replicasMatch(cluster.servers(), cluster.secret, key),
                    ok -> ok, CONVERGE);
        }
        // Both acknowledged writes survive as siblings. The refused W=2 write on the minority side may show up too:
        // it was stored on kv-3 before the quorum failed — a 503 means "not acknowledged", not "rolled back".
        assertThat(Kv.values(Kv.get(cluster.get(2), shared, "?r=3"))).contains("majority", "minority")
                .allMatch(v -> v.equals("majority") || v.equals("minority"));
    }

    @Test
    @Order(7)
    void aJoiningNodeReceivesItsRangesAndForwardsTheWritesItIsNoReplicaFor() {
        moving = IntStream.range(0, 60).mapToObj(i -> "moving-" + i + "-" + UUID.randomUUID()).toList();
        moving.forEach(key -> assertThat(Kv.put(cluster.get(0), key, key, null, "?w=3").status()).isEqualTo(200));

        joiner = own.closeWhenDone(cluster.startJoiner("kv-cluster-joiner", "kv-4", "3/2/2"));
        for (LibertyServer server : List.of(cluster.get(0), cluster.get(1), cluster.get(2), joiner)) {
            Await.until(server.name() + " has kv-4 in its ring", () -> Kv.cluster(server).getInt("ringNodes"),
                    n -> n == 4, CONVERGE);
        }
        Await.until("range moves give kv-4 its share of the keys",
                () -> Kv.cluster(joiner).getJsonNumber("keyCount").longValue(), n -> n >= 20, CONVERGE);
        moving.forEach(key -> assertThat(Kv.values(Kv.get(joiner, key, "?r=2"))).as(key).containsExactly(key));

        // With 4 nodes and N=3, the joiner is not a replica of about a quarter of the keys: it forwards those
        // writes to one (over the peer link) and answers with that coordinator's verdict.
        List<String> forwarded = IntStream.range(0, 24).mapToObj(i -> "via-kv-4-" + i + "-" + UUID.randomUUID())
                .toList();
        forwarded.forEach(key -> assertThat(Kv.put(joiner, key, key, null, "?w=2").status()).isEqualTo(200));
        assertThat(forwardedBy(joiner)).as("writes kv-4 forwarded").isPositive();
        forwarded.forEach(key -> assertThat(Kv.values(Kv.get(cluster.get(0), key, "?r=2"))).as(key)
                .containsExactly(key));
    }

    /**
     * A coordinator's refusal travels back over the peer link: the client of the joiner, which is no replica of the
     * key, gets the same 409/413 problem as from a replica (before, 503 "outcome unknown"), and nothing is stored.
     */
    @Test
    @Order(8)
    void aWriteForwardedPastAKeysLimitsGetsTheCoordinatorsProblemAndStoresNothing() {
        String siblings = keyKv4DoesNotReplicate("pile-");
        for (int i = 0; i < 32; i++) { // ps.kv.max-siblings' default
            assertThat(Kv.put(joiner, siblings, "v" + i, null, "?w=3").status()).as("blind write %d", i)
                    .isEqualTo(200);
        }
        String stored = assertRefusedAndNothingStored(siblings, "v32", 409, "ps.kv.max-siblings");
        // The same refusal over the HTTP peer transport (ps.kv.peer-transport=http): its status and which limit.
        HttpResponse<byte[]> overHttp = Kv.signedPost(cluster.get(0), cluster.secret, "/api/kv-internal/forward",
                "{\"key\":\"" + siblings + "\",\"value\":\"eg==\",\"r\":0,\"w\":0}");
        assertThat(overHttp.statusCode()).isEqualTo(409);
        assertThat(new String(overHttp.body(), StandardCharsets.UTF_8))
                .contains("\"limit\":\"SIBLINGS\"", "\"allowed\":32", "\"actual\":33");
        assertThat(Kv.storedVersion(cluster.get(0), cluster.secret, siblings)).contains(stored);

        String bytes = keyKv4DoesNotReplicate("big-");
        String value = "x".repeat(KvTestCluster.MAX_VALUE_BYTES);
        for (int i = 0; i < KvTestCluster.MAX_OBJECT_BYTES / KvTestCluster.MAX_VALUE_BYTES; i++) {
            assertThat(Kv.put(joiner, bytes, value, null, "?w=3").status()).as("blind write %d", i).isEqualTo(200);
        }
        assertRefusedAndNothingStored(bytes, "y", 413, "ps.kv.max-object-bytes");
    }

    /**
     * The blind write of {@code value} to {@code key} through the joiner is refused, and every replica unchanged.
     *
     * @return the version the replicas store
     */
    private String assertRefusedAndNothingStored(String key, String value, int status, String limit) {
        List<LibertyServer> replicas = cluster.servers();
        Await.until(key + " identical on the three replicas", () -> Kv.replicasMatch(replicas, cluster.secret, key),
                ok -> ok, CONVERGE);
        String before = Kv.storedVersion(replicas.get(0), cluster.secret, key).orElseThrow();
        long forwardedBefore = forwardedBy(joiner);

        Http.Response refused = Kv.put(joiner, key, value, null, "");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(status);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(refused.json().getString("limit")).isEqualTo(limit);
        assertThat(refused.json().getString("detail")).contains("Nothing was written", "X-Causal-Context");
        assertThat(forwardedBy(joiner)).as("kv-4 forwarded the write").isEqualTo(forwardedBefore + 1);
        for (LibertyServer replica : replicas) {
            assertThat(Kv.storedVersion(replica, cluster.secret, key)).as(replica.name()).contains(before);
        }
        return before;
    }

    /** A fresh key whose three replicas, on the ring of kv-1..kv-4 (64 vnodes each, the default), exclude kv-4. */
    private static String keyKv4DoesNotReplicate(String prefix) {
        HashRing ring = HashRing.of(List.of(NodeId.of("kv-1"), NodeId.of("kv-2"), NodeId.of("kv-3"),
                NodeId.of("kv-4")), 64);
        return Stream.generate(() -> prefix + UUID.randomUUID())
                .filter(key -> !ring.preferenceList(key, 3).contains(NodeId.of("kv-4"))).findFirst().orElseThrow();
    }

    private static long forwardedBy(LibertyServer server) {
        return Kv.cluster(server).getJsonObject("counters").getJsonNumber("forwardedWrites").longValue();
    }

    @Test
    @Order(9)
    void aLeavingNodeHandsItsKeysBackWithoutLosingOne() {
        Http.Response leave = Http.post(joiner.httpsBaseUrl() + "/api/kv-cluster/leave", "{}",
                io.practicalsystems.platform.testkit.TestServers.admin());
        assertThat(leave.status()).isEqualTo(202);
        for (LibertyServer server : cluster.servers()) {
            Await.until(server.name() + " dropped kv-4 from its ring",
                    () -> Kv.cluster(server).getInt("ringNodes"), n -> n == 3, CONVERGE);
        }
        // range moves right away, the hand-off sweep (every 30 s) for anything left
        Await.until("kv-4 handed every key over", () -> Kv.cluster(joiner).getJsonNumber("keyCount").longValue(),
                n -> n == 0, Duration.ofSeconds(120));
        joiner.close();
        // Range moves and the joiner's hand-back give every key back to its replicas; copies that took different
        // paths become byte-identical through anti-entropy, one range per round: allow it a few full passes.
        for (String key : moving) {
            Await.until(key + " on the three remaining nodes",
                    () -> Kv.replicasMatch(cluster.servers(), cluster.secret, key), ok -> ok,
                    Duration.ofSeconds(180));
            assertThat(Kv.values(Kv.get(cluster.get(1), key, "?r=3"))).containsExactly(key);
        }
    }

    @Test
    @Order(10)
    void thePeerLinkAnswersOnlyNodesThatKnowTheClusterSecretWhichNeverTravels() throws Exception {
        String key = "peer-" + UUID.randomUUID();
        assertThat(Kv.put(cluster.get(0), key, "value", null, "?w=3").status()).isEqualTo(200);

        PeerSocket.Outcome member = PeerSocket.ask(cluster.get(1), cluster.secret, PeerFrames.get(42, key));
        assertThat(member.answer().kind()).isEqualTo(PeerFrames.COPY);
        assertThat(member.answer().id()).isEqualTo(42);
        assertThat(SiblingSetCodec.decode(member.answer().body()).liveValues())
                .extracting(Blob::utf8).containsExactly("value");

        PeerSocket.Outcome garbled = PeerSocket.ask(cluster.get(1), cluster.secret,
                PeerFrames.forward(44, "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(garbled.answer().kind()).as("a malformed forwarded write is refused, the link stays")
                .isEqualTo(PeerFrames.FAILED);
        assertThat(garbled.answer().id()).isEqualTo(44);

        PeerSocket.Outcome stranger = PeerSocket.ask(cluster.get(1), "not-the-secret", PeerFrames.get(43, key));
        assertThat(stranger.closeCode()).as("closed as a policy violation").isEqualTo(1008);
        assertThat(stranger.answer()).isNull();

        assertThat(cluster.anyLinkCarriedTheSecret())
                .as("the secret crossed a node-to-node link (WebSocket or HTTP) during this class's tests").isFalse();
    }
}
