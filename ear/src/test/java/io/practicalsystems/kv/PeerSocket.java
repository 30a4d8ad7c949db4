package io.practicalsystems.kv;

import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.client.WebSocketNodeTransport;
import io.practicalsystems.platform.testkit.LibertyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw peer link to a node, as another node (or an attacker) would open it: every frame it sends and receives is
 * kept, so a test can look for the secret on the wire; the close code the server sent completes {@link #closeCode}.
 */
final class PeerSocket implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSocket socket;
    private final BlockingQueue<ByteBuffer> inbox = new LinkedBlockingQueue<>();
    private final List<byte[]> wire = new ArrayList<>(); // everything sent and received, in order
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private PeerFrames.Challenge challenge;

    private PeerSocket(LibertyServer server) throws Exception {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(uri(server), new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    static URI uri(LibertyServer server) {
        return URI.create(server.baseUrl().replaceFirst("^http", "ws") + WebSocketNodeTransport.PATH);
    }

    /** A new link; the server's challenge is read at once. */
    static PeerSocket open(LibertyServer server) throws Exception {
        PeerSocket peer = new PeerSocket(server);
        peer.challenge = PeerFrames.challenge(peer.next());
        return peer;
    }

    /** Either the answer to the request or the status code the server closed the link with. */
    record Outcome(PeerFrames.Answer answer, Integer closeCode) {
    }

    /** Opens a link, authenticates with {@code secret} as node "it-peer", sends {@code request}. */
    static Outcome ask(LibertyServer server, String secret, ByteBuffer request) throws Exception {
        try (PeerSocket peer = new PeerSocket(server)) {
            ByteBuffer first = peer.nextOrClose();
            if (first == null) {
                return new Outcome(null, peer.closeCode.getNow(null));
            }
            peer.challenge = PeerFrames.challenge(first);
            if (!peer.authenticate(secret)) {
                return new Outcome(null, peer.awaitClose());
            }
            peer.send(request);
            ByteBuffer answer = peer.nextOrClose();
            return answer == null ? new Outcome(null, peer.closeCode.getNow(null))
                    : new Outcome(PeerFrames.answer(answer), null);
        }
    }

    PeerFrames.Challenge challenge() {
        return challenge;
    }

    /** A hello for this link's challenge, from node "it-peer", proving {@code secret}. */
    ByteBuffer hello(String secret) {
        PeerKey.Handshake handshake = handshake();
        return PeerFrames.hello(handshake.clientNonce(), key(secret).clientProof(handshake), "it-peer");
    }

    /** Sends a hello and checks the welcome's proof; false if the server closed the link instead. */
    boolean authenticate(String secret) throws Exception {
        PeerKey key = key(secret);
        PeerKey.Handshake handshake = handshake();
        send(PeerFrames.hello(handshake.clientNonce(), key.clientProof(handshake), "it-peer"));
        ByteBuffer welcome = nextOrClose();
        if (welcome == null) {
            return false;
        }
        if (!PeerKey.matches(key.serverProof(handshake), PeerFrames.welcome(welcome))) {
            throw new AssertionError("the server's welcome does not prove the cluster secret");
        }
        return true;
    }

    private PeerKey.Handshake handshake() {
        return new PeerKey.Handshake(challenge.nonce(), challenge.serverId(), PeerKey.nonce(RANDOM), "it-peer");
    }

    private static PeerKey key(String secret) {
        return PeerKey.of(Optional.of(secret)).orElseThrow();
    }

    /** Sends one binary message; a link the server already closed is not an error here (see {@link #closeCode}). */
    void send(ByteBuffer message) throws Exception {
        record(message);
        try {
            socket.sendBinary(message.duplicate(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // the server may close the link before or while the message is sent
        }
    }

    void ping() throws Exception {
        socket.sendPing(ByteBuffer.allocate(0)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next message from the server; fails if the link closes first. */
    ByteBuffer next() throws Exception {
        ByteBuffer message = nextOrClose();
        if (message == null) {
            throw new AssertionError("the server closed the link: " + closeCode.getNow(null));
        }
        return message;
    }

    /** The next message, or null once the server closed the link. */
    ByteBuffer nextOrClose() throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            ByteBuffer message = inbox.poll(50, TimeUnit.MILLISECONDS);
            if (message != null) {
                return message;
            }
            if (closeCode.isDone()) {
                return inbox.poll();
            }
        }
        throw new AssertionError("neither a message nor a close within " + WAIT);
    }

    /** The close code the server sends, waiting for it. */
    int awaitClose() throws Exception {
        return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** Whether {@code text} appears in any frame this link sent or received so far. */
    synchronized boolean wireContains(String text) {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        return wire.stream().anyMatch(frame -> indexOf(frame, needle) >= 0);
    }

    synchronized int framesOnTheWire() {
        return wire.size();
    }

    private synchronized void record(ByteBuffer message) {
        byte[] bytes = new byte[message.remaining()];
        message.duplicate().get(bytes);
        wire.add(bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final java.io.ByteArrayOutputStream parts = new java.io.ByteArrayOutputStream();

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            parts.writeBytes(chunk);
            if (last) {
                ByteBuffer message = ByteBuffer.wrap(parts.toByteArray());
                parts.reset();
                record(message);
                inbox.add(message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closeCode.complete(-1); // the connection broke without a close frame
        }
    }
}
