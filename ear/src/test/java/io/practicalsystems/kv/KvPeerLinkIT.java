package io.practicalsystems.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.client.HttpNodeTransport;
import io.practicalsystems.kv.peer.client.WebSocketNodeTransport;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import io.practicalsystems.kv.peer.server.PeerLinkSettings;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import io.practicalsystems.platform.testkit.LibertyServers;
import io.practicalsystems.platform.testkit.OwnServers;
import io.practicalsystems.platform.testkit.TestServers;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The peer link's defences against callers that are not peers, on one node that has a cluster secret (so it accepts
 * peers) and short limits: a browser's upgrade, silence, a big first frame, a wrong or replayed proof, an idle link,
 * HTTP calls with the secret instead of a signature or with a stale signature. The secret never travels.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(LibertyServers.class)
class KvPeerLinkIT {

    private static final long AUTH_TIMEOUT_MS = 1500;
    private static final long IDLE_TIMEOUT_MS = 3000;
    private final String secret = "it-" + UUID.randomUUID();
    private LibertyServer server;

    /** Its own server: a cluster secret and short peer-link limits are settings the shared server must not have. */
    @BeforeAll
    void start(OwnServers own) {
        server = own.start(TestServers.realServices("kv-peer-link")
                .env("PS_KV_NODE_ID", "kv-1")
                .env("PS_KV_CLUSTER_SECRET", secret)
                .env("PS_KV_PEER_AUTH_TIMEOUT_MS", String.valueOf(AUTH_TIMEOUT_MS))
                .env("PS_KV_PEER_IDLE_TIMEOUT_MS", String.valueOf(IDLE_TIMEOUT_MS)));
    }

    @Test
    void aPeerThatProvesTheSecretIsAnsweredAndTheSecretNeverTravels() throws Exception {
        String key = "peer-" + UUID.randomUUID();
        assertThat(Kv.put(server, key, "value", null, "").status()).isEqualTo(200);

        try (PeerSocket peer = PeerSocket.open(server)) {
            assertThat(peer.challenge().serverId()).isEqualTo("kv-1");
            assertThat(peer.authenticate(secret)).isTrue(); // also checks the server's proof
            peer.send(PeerFrames.get(42, key));
            PeerFrames.Answer answer = PeerFrames.answer(peer.next());

            assertThat(answer.kind()).isEqualTo(PeerFrames.COPY);
            assertThat(answer.id()).isEqualTo(42);
            assertThat(peer.framesOnTheWire()).as("challenge, hello, welcome, get, copy").isEqualTo(5);
            assertThat(peer.wireContains(secret)).as("the secret on the wire").isFalse();
        }
    }

    @Test
    void theNodesOwnClientsAuthenticateAndTalkToIt() throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        NodeId kv1 = NodeId.of("kv-1");
        Function<NodeId, Optional<String>> addresses = node -> Optional.of(server.baseUrl());
        Duration timeout = Duration.ofSeconds(20);
        HttpNodeTransport http = new HttpNodeTransport(client, null, addresses, NodeId.of("kv-7"),
                PeerKey.of(Optional.of(secret)), Clock.systemUTC(), timeout, Map.of());
        WebSocketNodeTransport links = new WebSocketNodeTransport(http, client, null, addresses, NodeId.of("kv-7"),
                PeerKey.of(Optional.of(secret)), timeout, Map.of(), Runnable::run);
        String key = "cart/user 42/ünï+%2F-" + UUID.randomUUID();
        DottedVersionVectorSet<Blob> copy = DottedVersionVectorSet.<Blob>empty().update(CausalContext.empty(),
                Versioned.of(Blob.ofUtf8("v"), Instant.now()), NodeId.of("kv-7"));
        try {
            http.put(kv1, key, copy, Optional.empty()).get(30, TimeUnit.SECONDS); // signed, with an escaped query
            assertThat(links.get(kv1, key).get(30, TimeUnit.SECONDS)).as("read over an authenticated link")
                    .hasValueSatisfying(read -> assertThat(read.liveValues()).extracting(Blob::utf8)
                            .containsExactly("v"));
            links.keepAlive();
            assertThat(http.get(kv1, key).get(30, TimeUnit.SECONDS)).isPresent();

            assertThatThrownBy(() -> links.get(NodeId.of("kv-9"), key).get(30, TimeUnit.SECONDS))
                    .as("the challenge names kv-1: a link meant for kv-9 is not used")
                    .hasMessageContaining("is node kv-1, not kv-9");
            WebSocketNodeTransport guessing = new WebSocketNodeTransport(http, client, null, addresses,
                    NodeId.of("kv-7"), PeerKey.of(Optional.of("a guess")), timeout, Map.of(), Runnable::run);
            assertThatThrownBy(() -> guessing.get(kv1, key).get(30, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
            guessing.close();
        } finally {
            links.close();
        }
    }

    @Test
    void anUpgradeFromABrowserIsRefused() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Origin", "https://attacker.example")
                .buildAsync(PeerSocket.uri(server), new WebSocket.Listener() { })
                .get(20, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
    }

    @Test
    void aLinkThatDoesNotAuthenticateInTimeIsClosed() throws Exception {
        try (PeerSocket silent = PeerSocket.open(server)) {
            assertThat(silent.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aFrameBiggerThanTheUnauthenticatedLimitIsClosed() throws Exception {
        try (PeerSocket big = PeerSocket.open(server)) {
            byte[] frame = new byte[64 * 1024];
            frame[0] = PeerFrames.HELLO;
            big.send(ByteBuffer.wrap(frame));
            assertThat(big.awaitClose()).as("1009 message too big").isEqualTo(1009);
        }
        try (PeerSocket justOver = PeerSocket.open(server)) {
            byte[] frame = new byte[PeerLinkSettings.UNAUTHENTICATED_MAX_BYTES + 1];
            frame[0] = PeerFrames.HELLO;
            justOver.send(ByteBuffer.wrap(frame));
            assertThat(justOver.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void aWrongProofIsClosed() throws Exception {
        try (PeerSocket stranger = PeerSocket.open(server)) {
            assertThat(stranger.authenticate("not-the-secret")).isFalse();
            assertThat(stranger.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void aCapturedHelloReplayedOnAnotherLinkIsClosed() throws Exception {
        ByteBuffer captured;
        try (PeerSocket genuine = PeerSocket.open(server)) {
            captured = genuine.hello(secret);
            genuine.send(captured);
            assertThat(PeerFrames.welcome(genuine.next())).hasSize(32);
        }
        try (PeerSocket replay = PeerSocket.open(server)) {
            replay.send(captured);
            assertThat(replay.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void anIdleLinkIsClosedWhileAPingedOneStaysOpen() throws Exception {
        try (PeerSocket idle = PeerSocket.open(server); PeerSocket pinged = PeerSocket.open(server)) {
            assertThat(idle.authenticate(secret)).isTrue();
            assertThat(pinged.authenticate(secret)).isTrue();
            for (int i = 0; i < 4 * IDLE_TIMEOUT_MS / 500; i++) { // twice the idle timeout, a ping every 0.5 s
                Thread.sleep(500);
                pinged.ping();
            }
            assertThat(idle.closeCode).as("the silent link was closed").isDone();
            pinged.send(PeerFrames.get(7, "any"));
            assertThat(PeerFrames.answer(pinged.next()).id()).as("the pinged link still answers").isEqualTo(7);
        }
    }

    @Test
    void httpCallsNeedAFreshSignatureNotTheSecret() {
        String target = "/api/kv-internal/replica?key=" + UUID.randomUUID();
        assertThat(Kv.signedGet(server, secret, target).statusCode()).isEqualTo(204);

        Http.Response withTheSecret = Http.send("GET", server.baseUrl() + target, null, null,
                "X-KV-Cluster-Secret", secret);
        assertThat(withTheSecret.status()).isEqualTo(403);
        assertThat(withTheSecret.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem"));

        HttpResponse<byte[]> stale = Kv.signedGet(server, secret, target, System.currentTimeMillis() - 60_000);
        assertThat(stale.statusCode()).as("signed a minute ago: outside the 30 s window").isEqualTo(403);
        assertThat(new String(stale.body(), StandardCharsets.UTF_8)).contains("from this node's clock");

        assertThat(Kv.signedGet(server, "a guess", target).statusCode()).isEqualTo(403);
    }

    @Test
    void aPeerMayMergeACopyBiggerThanAClientsJsonBodyLimit() {
        // One key with a 1 MiB value (the largest a client may write) is 1.4 MiB of base64 in a merge or a forward:
        // no limit on JSON bodies below the peers' own may stop anti-entropy, hand-off or forwarding of such a key.
        String key = "big-" + UUID.randomUUID();
        byte[] value = new byte[1024 * 1024];
        java.util.Arrays.fill(value, (byte) 'v');
        String copy = KvWire.base64(SiblingSetCodec.encode(DottedVersionVectorSet.<Blob>empty().update(
                CausalContext.empty(), Versioned.of(Blob.of(value), Instant.now()), NodeId.of("kv-9"))));
        String merge = "[{\"key\":\"" + key + "\",\"copy\":\"" + copy + "\"}]";

        HttpResponse<byte[]> merged = Kv.signedPost(server, secret, "/api/kv-internal/merge", merge);

        assertThat(merged.statusCode()).as(new String(merged.body(), StandardCharsets.UTF_8)).isEqualTo(204);
        assertThat(Kv.replica(server, secret, key)).isPresent();
    }
}
