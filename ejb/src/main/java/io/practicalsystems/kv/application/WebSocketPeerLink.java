package io.practicalsystems.kv.application;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
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
 */
final class WebSocketPeerLink {

    private final HttpClient http;
    private final URI uri;
    private final String secret;
    private final Duration timeout;
    private final Executor completions;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<PeerFrames.Answer>> waiting = new ConcurrentHashMap<>();
    private CompletableFuture<WebSocket> connection; // guarded by this
    private CompletableFuture<WebSocket> sends; // guarded by this: the last send queued on the connection

    WebSocketPeerLink(HttpClient http, URI uri, String secret, Duration timeout, Executor completions) {
        this.completions = completions;
        this.http = http;
        this.uri = uri;
        this.secret = secret;
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
        synchronized (this) {
            link = connection();
            // The JDK WebSocket takes one send at a time: each send waits for the one before it.
            sends = sends.thenCompose(ws -> ws.sendBinary(frame.apply(id), true));
            sends.whenComplete((ws, error) -> {
                if (error != null) {
                    forget(link, error);
                }
            });
        }
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

    /** The open (or opening) socket: a new one, saying hello, if there is none. */
    private CompletableFuture<WebSocket> connection() {
        if (connection == null) {
            connection = http.newWebSocketBuilder().connectTimeout(timeout).buildAsync(uri, new Answers())
                    .thenCompose(ws -> ws.sendBinary(PeerFrames.hello(secret), true));
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

    /** Receives answers, whole or in parts, and completes the calls they name. */
    private final class Answers implements WebSocket.Listener {
        private final ByteArrayOutputStream parts = new ByteArrayOutputStream();

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
            if (message != null) {
                deliver(message);
            }
            ws.request(1);
            return null;
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
            CompletableFuture<WebSocket> link;
            synchronized (WebSocketPeerLink.this) {
                link = connection != null && connection.getNow(null) == ws ? connection : null;
            }
            forget(link, error);
        }
    }
}
