package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.application.PeerFrames;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server with no cluster configuration is a one-node cluster (N=R=W=1) on its embedded defaults: the README's run
 * command serves the KV API. Also the API's contract and its 4xx answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvSingleNodeIT {

    private LibertyServer server;

    @BeforeAll
    void start() {
        server = TestServers.embeddedDefaults("kv-single").env("PS_KV_MAX_VALUE_BYTES", "1000").build();
        server.start();
        server.awaitReady();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static String key() {
        return "k-" + UUID.randomUUID();
    }

    @Test
    void putGetDeleteRoundTripWithTheCausalContext() {
        String key = key();
        Http.Response put = Kv.put(server, key, "hello", null, "");
        assertThat(put.status()).isEqualTo(200);

        Http.Response read = Kv.get(server, key, "");
        assertThat(read.status()).isEqualTo(200);
        assertThat(Kv.values(read)).containsExactly("hello");
        assertThat(read.json().getInt("siblings")).isEqualTo(1);

        Http.Response overwrite = Kv.put(server, key, "world", Kv.context(read), "");
        assertThat(overwrite.status()).isEqualTo(200);
        Http.Response reread = Kv.get(server, key, "");
        assertThat(Kv.values(reread)).containsExactly("world");

        Http.Response deleted = Kv.delete(server, key, Kv.context(reread));
        assertThat(deleted.status()).isEqualTo(200);
        Http.Response gone = Kv.get(server, key, "");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(gone.header(Kv.CONTEXT)).isPresent(); // a write after the delete can supersede it
    }

    @Test
    void twoWritesWithTheSameContextBothSurviveAsSiblingsUntilAWriteResolvesThem() {
        String key = key();
        Kv.put(server, key, "v0", null, "");
        String context = Kv.context(Kv.get(server, key, ""));

        assertThat(Kv.put(server, key, "alice", context, "").status()).isEqualTo(200);
        assertThat(Kv.put(server, key, "bob", context, "").status()).isEqualTo(200);

        Http.Response both = Kv.get(server, key, "");
        assertThat(Kv.values(both)).containsExactly("alice", "bob");
        assertThat(both.json().getInt("siblings")).isEqualTo(2);

        Kv.put(server, key, "alice+bob", Kv.context(both), "");
        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("alice+bob");
    }

    @Test
    void aBlindWriteWithoutContextIsASiblingNotAnOverwrite() {
        String key = key();
        Kv.put(server, key, "first", null, "");
        Kv.put(server, key, "second", null, "");

        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("first", "second");
    }

    @Test
    void badInputGetsA4xxProblemAndStoresNothing() {
        String key = key();
        Kv.put(server, key, "kept", null, "");

        Http.Response badContext = Kv.put(server, key, "x", "not a context!", "");
        assertThat(badContext.status()).isEqualTo(400);
        assertThat(badContext.json().getString("field")).isEqualTo("X-Causal-Context");

        Http.Response tooLarge = Kv.put(server, key, "x".repeat(1001), null, "");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.json().getString("detail")).contains("1001").contains("1000");

        Http.Response longKey = Kv.put(server, "k".repeat(600), "x", null, "");
        assertThat(longKey.status()).isEqualTo(400);
        assertThat(longKey.json().getString("field")).isEqualTo("key");

        Http.Response badR = Kv.get(server, key, "?r=2");
        assertThat(badR.status()).isEqualTo(400);
        assertThat(badR.json().getString("field")).isEqualTo("r");
        assertThat(Kv.get(server, key, "?r=abc").status()).isEqualTo(400);

        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("kept");
    }

    @Test
    void keysMayHoldSlashesSpacesAndUnicode() {
        String key = "cart/user 42/ünïcødé-" + UUID.randomUUID();
        Kv.put(server, key, "ok", null, "");
        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("ok");
    }

    @Test
    void theClusterViewShowsOneAliveMemberOwningTheWholeRing() {
        JsonObject view = Kv.cluster(server);
        assertThat(view.getString("quorum")).isEqualTo("1/1/1");
        assertThat(view.getJsonArray("members")).hasSize(1);
        JsonObject self = view.getJsonArray("members").getJsonObject(0);
        assertThat(self.getString("reachability")).isEqualTo("ALIVE");
        assertThat(self.getJsonNumber("ownership").doubleValue()).isEqualTo(1.0);
    }

    @Test
    void nodeToNodeEndpointsRefuseEveryoneWithoutAClusterSecret() {
        Http.Response refused = Http.send("GET", server.baseUrl() + "/api/kv-internal/replica?key=a", null, null,
                "X-KV-Cluster-Secret", "guess");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void leavingIsAnAdminOperation() {
        Http.Response anonymous = Http.post(server.baseUrl() + "/api/kv/cluster/leave", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response alone = Http.post(server.baseUrl() + "/api/kv/cluster/leave", "{}", TestServers.admin());
        assertThat(alone.status()).isEqualTo(409);
        assertThat(alone.json().getString("detail")).contains("nobody to leave to");
    }

    @Test
    void aOneNodeClusterRefusesEveryPeerLink() throws Exception {
        PeerSocket.Outcome outcome = PeerSocket.ask(server, "", PeerFrames.get(1, key()));
        assertThat(outcome.closeCode()).as("no cluster secret configured: nobody is a peer").isEqualTo(1008);
    }
}
