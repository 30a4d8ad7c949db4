package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.SharedServer;
import io.practicalsystems.platform.testkit.TestServers;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A server with no cluster configuration is a one-node cluster (N=R=W=1): the README's run command serves the KV API.
 * Also the API's contract and its 4xx answers. Runs on the shared server ({@link SharedServer}); every test uses
 * keys of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KvSingleNodeIT {

    private LibertyServer server;

    /**
     * The shared server allows values up to {@link TestServers#SHARED_KV_MAX_VALUE_BYTES} (1000) bytes and
     * {@link TestServers#SHARED_KV_MAX_OBJECT_BYTES} (3000) per key.
     */
    @BeforeAll
    void start(@SharedServer LibertyServer server) {
        this.server = server;
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
    void blindWritesStopAtTheSiblingLimitWith409AndAWriteWithTheReadContextResolvesThem() {
        String key = key();
        for (int i = 0; i < 32; i++) { // ps.kv.max-siblings' default
            assertThat(Kv.put(server, key, "v" + i, null, "").status()).isEqualTo(200);
        }

        Http.Response refused = Kv.put(server, key, "one too many", null, "");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(refused.json().getString("limit")).isEqualTo("ps.kv.max-siblings");
        assertThat(refused.json().getString("detail")).contains("33 siblings").contains("at most 32")
                .contains("X-Causal-Context");
        Http.Response read = Kv.get(server, key, "");
        assertThat(read.json().getInt("siblings")).isEqualTo(32);

        assertThat(Kv.put(server, key, "merged", Kv.context(read), "").status()).isEqualTo(200);
        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("merged");
    }

    @Test
    void blindWritesStopAtTheKeysByteLimitWith413AndNothingStoredChanges() {
        String key = key();
        for (int i = 0; i < 3; i++) { // 3 x 1000 bytes: PS_KV_MAX_OBJECT_BYTES=3000
            assertThat(Kv.put(server, key, String.valueOf(i).repeat(1000), null, "").status()).isEqualTo(200);
        }

        Http.Response refused = Kv.put(server, key, "x", null, "");
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.json().getString("limit")).isEqualTo("ps.kv.max-object-bytes");
        assertThat(refused.json().getJsonNumber("allowed").longValue()).isEqualTo(3000);
        assertThat(refused.json().getJsonNumber("actual").longValue()).isEqualTo(3001);
        assertThat(Kv.get(server, key, "").json().getInt("siblings")).isEqualTo(3);
    }

    @Test
    void aForgedCausalContextIsRefusedWith400AndTheKeyStaysWritable() {
        String key = key();
        String other = key();
        Kv.put(server, key, "kept", null, "");
        Kv.put(server, other, "elsewhere", null, "");
        // Well-formed, as contexts were before they were authenticated; it used to freeze the key (counter overflow).
        String forged = CausalContext.of(VersionVector.of(Map.of(NodeId.of("kv-1"), Long.MAX_VALUE - 1))).encode();

        Http.Response put = Kv.put(server, key, "x", forged, "");
        assertThat(put.status()).isEqualTo(400);
        assertThat(put.json().getString("field")).isEqualTo("X-Causal-Context");
        assertThat(put.json().getString("detail")).contains("not a causal context this cluster issued");
        assertThat(Kv.delete(server, key, forged).status()).isEqualTo(400);
        Http.Response otherKeys = Kv.put(server, key, "x", Kv.context(Kv.get(server, other, "")), "");
        assertThat(otherKeys.status()).as("a context read from another key").isEqualTo(400);

        Http.Response read = Kv.get(server, key, "");
        assertThat(Kv.values(read)).containsExactly("kept");
        assertThat(Kv.put(server, key, "next", Kv.context(read), "").status()).isEqualTo(200);
        assertThat(Kv.put(server, key, "blind", null, "").status()).isEqualTo(200);
        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("blind", "next");
    }

    @Test
    void keysMayHoldSlashesSpacesAndUnicode() {
        String key = "cart/user 42/ünïcødé-" + UUID.randomUUID();
        Kv.put(server, key, "ok", null, "");
        assertThat(Kv.values(Kv.get(server, key, ""))).containsExactly("ok");
    }

    @Test
    void keysNamedLikeTheClusterRoutesAreKeysLikeAnyOther() {
        for (String key : new String[] {"cluster", "cluster/leave", "kv-cluster", "kv-internal/replica"}) {
            Http.Response put = Kv.put(server, key, "value of " + key, null, "");
            assertThat(put.status()).as("PUT %s: %s", key, put).isEqualTo(200);
            Http.Response read = Kv.get(server, key, "");
            assertThat(Kv.values(read)).as(key).containsExactly("value of " + key);
            assertThat(Kv.delete(server, key, Kv.context(read)).status()).as("DELETE %s", key).isEqualTo(200);
        }
        assertThat(Kv.cluster(server).getString("quorum")).isEqualTo("1/1/1"); // the view moved, it did not vanish
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
        assertThat(Kv.signedGet(server, "guess", "/api/kv-internal/replica?key=a").statusCode()).isEqualTo(403);
    }

    @Test
    void leavingIsAnAdminOperation() {
        Http.Response anonymous = Http.post(server.httpsBaseUrl() + "/api/kv-cluster/leave", "{}");
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Response alone = Http.post(server.httpsBaseUrl() + "/api/kv-cluster/leave", "{}", TestServers.admin());
        assertThat(alone.status()).isEqualTo(409);
        assertThat(alone.json().getString("detail")).contains("nobody to leave to");
    }

    @Test
    void aOneNodeClusterRefusesEveryPeerLink() throws Exception {
        PeerSocket.Outcome outcome = PeerSocket.ask(server, "", PeerFrames.get(1, key()));
        assertThat(outcome.closeCode()).as("no cluster secret configured: nobody is a peer").isEqualTo(1008);
    }
}
