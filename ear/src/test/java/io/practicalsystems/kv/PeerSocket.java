package io.practicalsystems.kv;

import io.practicalsystems.kv.application.PeerFrames;
import io.practicalsystems.kv.application.WebSocketNodeTransport;
import io.practicalsystems.platform.testkit.LibertyServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** A raw peer link to a node, as another node would open it: what it answers, or the close code it sends. */
final class PeerSocket {

    private PeerSocket() {
    }

    /** Either the answer to the request or the status code the server closed the link with. */
    record Outcome(PeerFrames.Answer answer, Integer closeCode) {
    }

    static Outcome ask(LibertyServer server, String secret, ByteBuffer request) throws Exception {
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(server.baseUrl().replaceFirst("^http", "ws") + WebSocketNodeTransport.PATH),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                                outcome.complete(new Outcome(PeerFrames.answer(data), null));
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                                outcome.complete(new Outcome(null, statusCode));
                                return null;
                            }

                            @Override
                            public void onError(WebSocket ws, Throwable error) {
                                outcome.completeExceptionally(error);
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        try {
            socket.sendBinary(PeerFrames.hello(secret), true).get(10, TimeUnit.SECONDS);
            socket.sendBinary(request, true).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            // the server may close the link before the request is sent: the close code is the outcome
        }
        return outcome.get(10, TimeUnit.SECONDS);
    }
}
