package io.practicalsystems.kv;

import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.RequestSignature;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import io.practicalsystems.platform.testkit.Http;
import io.practicalsystems.platform.testkit.LibertyServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The KV API as the tests use it. */
final class Kv {

    static final String CONTEXT = "X-Causal-Context";
    private static final HttpClient RAW = HttpClient.newHttpClient();

    private Kv() {
    }

    static String url(LibertyServer server, String key) {
        // Segment by segment: the servlet container refuses an encoded slash (%2F) in a path, so slashes stay real.
        return server.baseUrl() + "/api/kv/" + Arrays.stream(key.split("/", -1))
                .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(java.util.stream.Collectors.joining("/"));
    }

    static Http.Response get(LibertyServer server, String key, String query) {
        return Http.send("GET", url(server, key) + query, null, null);
    }

    static Http.Response put(LibertyServer server, String key, String value, String context, String query) {
        return context == null
                ? Http.send("PUT", url(server, key) + query, value, null, "Content-Type", "text/plain")
                : Http.send("PUT", url(server, key) + query, value, null, "Content-Type", "text/plain", CONTEXT,
                        context);
    }

    static Http.Response delete(LibertyServer server, String key, String context) {
        return context == null ? Http.send("DELETE", url(server, key), null, null)
                : Http.send("DELETE", url(server, key), null, null, CONTEXT, context);
    }

    static List<String> values(Http.Response response) {
        return response.json().getJsonArray("values").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).sorted().toList();
    }

    static String context(Http.Response response) {
        return response.header(CONTEXT).orElseThrow(() -> new AssertionError("no " + CONTEXT + ": " + response));
    }

    static JsonObject cluster(LibertyServer server) {
        return Http.getJson(server.baseUrl() + "/api/kv-cluster");
    }

    /** A node-to-node GET signed with {@code secret} as node "it-peer" would sign it, made now. */
    static HttpResponse<byte[]> signedGet(LibertyServer server, String secret, String target) {
        return signedGet(server, secret, target, System.currentTimeMillis());
    }

    static HttpResponse<byte[]> signedGet(LibertyServer server, String secret, String target, long time) {
        return signed(server, secret, "GET", target, null, new byte[0], time);
    }

    /** A node-to-node POST of a JSON body, signed now. */
    static HttpResponse<byte[]> signedPost(LibertyServer server, String secret, String target, String json) {
        return signed(server, secret, "POST", target, "application/json", json.getBytes(StandardCharsets.UTF_8),
                System.currentTimeMillis());
    }

    /**
     * Stores a new copy of {@code key} holding {@code value} on {@code server} alone, as a peer's replica write does
     * (a write whose other copies were lost with their coordinator): no coordinator, no hint, no other replica.
     */
    static void writeToOneReplica(LibertyServer server, String secret, String key, String actor, String value) {
        byte[] copy = SiblingSetCodec.encode(DottedVersionVectorSet.<Blob>empty().update(CausalContext.empty(),
                Versioned.of(Blob.ofUtf8(value), Instant.now()), NodeId.of(actor)));
        HttpResponse<byte[]> response = signed(server, secret, "POST", "/api/kv-internal/replica?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8), "application/octet-stream", copy,
                System.currentTimeMillis());
        if (response.statusCode() != 204) {
            throw new AssertionError("replica write answered " + response.statusCode());
        }
    }

    private static HttpResponse<byte[]> signed(LibertyServer server, String secret, String method, String target,
            String type, byte[] body, long time) {
        PeerKey key = PeerKey.of(Optional.of(secret)).orElseThrow();
        RequestSignature signature = RequestSignature.sign(key, method, target, time, "it-peer", body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + target))
                .timeout(Duration.ofSeconds(30)).header(RequestSignature.HEADER, signature.header());
        if (type == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return RAW.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The stored copy of {@code key} on {@code server} (codec bytes), empty if it has none; read-only. */
    static Optional<byte[]> replica(LibertyServer server, String secret, String key) {
        HttpResponse<byte[]> response = signedGet(server, secret, "/api/kv-internal/replica?key="
                + URLEncoder.encode(key, StandardCharsets.UTF_8));
        if (response.statusCode() == 204) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new AssertionError("replica read answered " + response.statusCode());
        }
        return Optional.of(response.body());
    }

    /**
     * Whether every server holds the same version of the key: the same causal history and the same siblings (dots and
     * values). Not byte equality: a stored copy also carries bookkeeping that replicas need not agree on — entry
     * update times and pruned ceilings, which only pruning reads.
     */
    static boolean replicasMatch(List<LibertyServer> servers, String secret, String key) {
        Optional<String> first = storedVersion(servers.get(0), secret, key);
        return first.isPresent() && servers.stream().allMatch(s -> storedVersion(s, secret, key)
                .map(version -> version.equals(first.get())).orElse(false));
    }

    /** The version of {@code key} that {@code server} stores (see {@link #replicasMatch}), empty if it has none. */
    static Optional<String> storedVersion(LibertyServer server, String secret, String key) {
        return replica(server, secret, key).map(Kv::version);
    }

    private static String version(byte[] copy) {
        DottedVersionVectorSet<Blob> decoded = SiblingSetCodec.decode(copy);
        return HexFormat.of().formatHex(decoded.versionDigest()) + decoded.values().stream()
                .map(v -> v.isTombstone() ? "(tombstone)" : HexFormat.of().formatHex(v.value().bytes()))
                .sorted().toList();
    }
}
