package io.practicalsystems.kv.peer.client;

import io.practicalsystems.kv.peer.PeerFrames;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.ring.NodeId;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * One WebSocket to one peer, shared by every call to it: requests carry ids ({@link PeerFrames}), answers complete the
 * matching call, in whatever order they come.
 *
 * <p>Connects on first use and again after the socket broke. A call that gets no answer within the timeout fails, and
 * the socket is dropped too: a silent peer (a partition that swallows packets) must not keep every later call waiting
 * on a dead connection. When the socket breaks, every call still waiting on it fails — the node treats that as
 * "unknown", as for any failed call.
 *
 * <p>A new socket is usable only after the handshake ({@link PeerFrames}): the peer's challenge must come from the
 * node this link is for, and its welcome must prove it knows the cluster secret — until then nothing is sent, so a
 * stranger on the peer's address gets no replica data and acknowledges no write. {@link #keepAlive} pings, so the
 * peer's idle timeout closes only links that are really dead.
 */
final class WebSocketPeerLink {

    private static final ByteBuffer NO_DATA = ByteBuffer.allocate(0);

    private final HttpClient http;
    private final URI uri;
    private final PeerKey key;
    private final NodeId self;
    private final NodeId peer;
    private final SecureRandom random;
    private final Duration timeout;
    private final Executor completions;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<PeerFrames.Answer>> waiting = new ConcurrentHashMap<>();
    private CompletableFuture<WebSocket> connection; // guarded by this
    private CompletableFuture<WebSocket> sends; // guarded by this: the last send queued on the connection

    /** A link from {@code self} to {@code peer}, reached at {@code uri}. */
    WebSocketPeerLink(HttpClient http, URI uri, PeerKey key, NodeId self, NodeId peer, SecureRandom random,
            Duration timeout, Executor completions) {
        this.completions = completions;
        this.http = http;
        this.uri = uri;
        this.key = key;
        this.self = self;
        this.peer = peer;
        this.random = random;
        this.timeout = timeout;
    }

    /** Sends the request {@code frame(id)} builds and completes with the peer's answer; silence drops the socket. */
    CompletableFuture<PeerFrames.Answer> call(LongFunction<ByteBuffer> frame) {
        return call(frame, timeout, true);
    }

    /**
     * As {@link #call(LongFunction)}, with its own timeout. {@code silenceMeansDead = false} for calls whose answer
     * may rightly take long (a forwarded write waits for the peer's own replicas): their timeout fails only them.
     */
    CompletableFuture<PeerFrames.Answer> call(LongFunction<ByteBuffer> frame, Duration callTimeout,
                                              boolean silenceMeansDead) {
        long id = ids.incrementAndGet();
        CompletableFuture<PeerFrames.Answer> answer = new CompletableFuture<>();
        waiting.put(id, answer);
        CompletableFuture<WebSocket> link;
        CompletableFuture<WebSocket> previous;
        CompletableFuture<WebSocket> sent = new CompletableFuture<>();
        synchronized (this) {
            link = connection();
            previous = sends;
            sends = sent;
        }
        // The JDK WebSocket takes one send at a time: each send waits for the one before it. The send itself runs
        // outside the lock: when the previous one is done it writes to the socket on this thread, and a request
        // thread holding the lock through that write (descheduled on a busy machine, or stopped by a GC pause)
        // held up every other call to this peer — JFR, 3 nodes N=3 at 4 connections: 522 waits over 5 ms in 30 s
        // on this monitor, median 14 ms, up to 220 ms.
        previous.thenCompose(ws -> ws.sendBinary(frame.apply(id), true)).whenComplete((ws, error) -> {
            if (error != null) {
                forget(link, error);
                sent.completeExceptionally(error);
            } else {
                sent.complete(ws);
            }
        });
        return answer.orTimeout(callTimeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((result, error) -> {
            waiting.remove(id);
            if (error instanceof TimeoutException && silenceMeansDead) {
                link.thenAccept(WebSocket::abort);
                forget(link, error);
            }
        });
    }

    /** Closes the socket, if any; waiting calls fail. */
    synchronized void close() {
        if (connection != null) {
            connection.thenAccept(WebSocket::abort);
            connection = null;
        }
    }

    /** Pings an open socket, so the peer's idle timeout does not close a link that is only quiet. */
    synchronized void keepAlive() {
        if (connection == null || !connection.isDone() || connection.isCompletedExceptionally()) {
            return;
        }
        CompletableFuture<WebSocket> link = connection;
        sends = sends.thenCompose(ws -> ws.sendPing(NO_DATA.duplicate()));
        sends.whenComplete((ws, error) -> {
            if (error != null) {
                forget(link, error);
            }
        });
    }

    /** The open (or opening) socket: a new one, authenticated before anything is sent on it, if there is none. */
    private CompletableFuture<WebSocket> connection() {
        if (connection == null) {
            Answers answers = new Answers();
            connection = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, answers)
                    .thenCompose(ws -> answers.admitted)
                    .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
            connection.whenComplete((ws, error) -> {
                if (error != null) {
                    answers.abandon(error);
                }
            });
            sends = connection;
        }
        return connection;
    }

    /** The socket {@code link} is unusable: the next call opens a new one, and calls waiting on it fail. */
    private void forget(CompletableFuture<WebSocket> link, Throwable error) {
        synchronized (this) {
            if (connection == link) {
                connection = null;
            }
        }
        failWaiting(error);
    }

    private void failWaiting(Throwable error) {
        for (Long id : waiting.keySet()) {
            CompletableFuture<PeerFrames.Answer> call = waiting.remove(id);
            if (call != null) {
                call.completeExceptionally(new IllegalStateException("peer link to " + uri + " broke: " + error,
                        error));
            }
        }
    }

    /** Runs the handshake, then receives answers, whole or in parts, and completes the calls they name. */
    private final class Answers implements WebSocket.Listener {
        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();
        private final CompletableFuture<WebSocket> admitted = new CompletableFuture<>();
        private volatile WebSocket socket;
        private PeerKey.Handshake handshake; // read and written on the socket's listener thread only
        private CompletableFuture<WebSocket> helloSent; // likewise

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ByteBuffer message = data;
            if (!last || parts.size() > 0) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                parts.writeBytes(chunk);
                message = last ? ByteBuffer.wrap(parts.toByteArray()) : null;
                if (last) {
                    parts.reset();
                }
            }
            if (message != null && admitted.isDone()) {
                deliver(message);
            } else if (message != null) {
                handshake(ws, message);
            }
            ws.request(1);
            return null;
        }

        @Override
        public void onOpen(WebSocket ws) {
            socket = ws;
            ws.request(1);
        }

        /** The challenge (answered with a hello), then the welcome (the link is admitted). */
        private void handshake(WebSocket ws, ByteBuffer message) {
            socket = ws;
            try {
                if (handshake == null) {
                    PeerFrames.Challenge challenge = PeerFrames.challenge(message);
                    if (!challenge.serverId().equals(peer.value())) {
                        throw new IllegalStateException("the peer at " + uri + " is node " + challenge.serverId()
                                + ", not " + peer);
                    }
                    handshake = new PeerKey.Handshake(challenge.nonce(), challenge.serverId(),
                            PeerKey.nonce(random), self.value());
                    helloSent = ws.sendBinary(PeerFrames.hello(handshake.clientNonce(), key.clientProof(handshake),
                            self.value()), true);
                } else if (PeerKey.matches(key.serverProof(handshake), PeerFrames.welcome(message))) {
                    // The welcome can arrive before the JDK has finished sending the hello (a fast peer on loopback),
                    // and it takes one send at a time ("Send pending"): the first request waits for the hello.
                    helloSent.whenComplete((sent, error) -> {
                        if (error != null) {
                            abandon(error);
                        } else {
                            admitted.complete(ws);
                        }
                    });
                } else {
                    throw new IllegalStateException("the peer at " + uri + " does not know the cluster secret");
                }
            } catch (RuntimeException e) { // includes a malformed frame's IllegalArgumentException
                abandon(e);
            }
        }

        /** The handshake failed or took too long: the socket is dropped. */
        void abandon(Throwable error) {
            admitted.completeExceptionally(error);
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
        }

        private void deliver(ByteBuffer message) {
            try {
                PeerFrames.Answer answer = PeerFrames.answer(message);
                CompletableFuture<PeerFrames.Answer> call = waiting.remove(answer.id());
                if (call != null) {
                    // Not on this thread: it reads the socket, and what a call continues with (a store write, the
                    // next replica call) would hold up every answer behind it.
                    completions.execute(() -> call.complete(answer));
                }
            } catch (IllegalArgumentException e) {
                failWaiting(e); // a peer speaking garbage: nothing on this link can be trusted
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            onError(ws, new IllegalStateException("closed by the peer: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            admitted.completeExceptionally(error);
            CompletableFuture<WebSocket> link;
            synchronized (WebSocketPeerLink.this) {
                link = connection != null && connection.getNow(null) == ws ? connection : null;
            }
            forget(link, error);
        }
    }
}
