package io.practicalsystems.kv.peer.client;

import io.practicalsystems.kv.membership.GossipMessage;
import io.practicalsystems.kv.membership.GossipTransport;
import io.practicalsystems.kv.node.AntiEntropyExchange;
import io.practicalsystems.kv.node.ClientWrite;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.node.KeyedCopy;
import io.practicalsystems.kv.node.NodeTransport;
import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.peer.PeerKey;
import io.practicalsystems.kv.peer.RequestSignature;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import jakarta.json.bind.Jsonb;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Node-to-node calls over HTTP/JSON ({@code /api/kv-internal/...} on the target, see the web module's
 * {@code KvInternalResource}): the production {@link NodeTransport} and {@link GossipTransport}.
 *
 * <p>Every call has the request timeout ({@code ps.kv.request-timeout.ms}); a timeout, a refused connection or any
 * non-2xx answer fails the future, which the node treats as "unknown". Every call is signed with the cluster key
 * ({@link RequestSignature}: method, target, time, sender, body); the secret itself is never sent.
 */
public final class HttpNodeTransport implements NodeTransport, GossipTransport {

    public static final String BASE = "/api/kv-internal";
    private static final String JSON = "application/json";
    private static final String OCTETS = "application/octet-stream";
    /** A forward's answers that are the coordinator's verdict: short of its quorum, or refused by its limits. */
    private static final Set<Integer> FORWARD_VERDICTS = Set.of(503, 409, 413);

    private final HttpClient http;
    private final Jsonb jsonb;
    private final Function<NodeId, Optional<String>> addresses;
    private final NodeId self;
    private final Optional<PeerKey> key;
    private final Clock clock;
    private final Duration timeout;
    private final Map<String, String> routes;

    /**
     * @param addresses where each node is reached ({@code http://host:port}), from the membership
     * @param key       signs every call; without one (no cluster secret) every call fails
     * @param clock     the signed time of each call
     * @param routes    address rewrites ({@code ps.kv.routes}): connect to the value instead of the key
     */
    public HttpNodeTransport(HttpClient http, Jsonb jsonb, Function<NodeId, Optional<String>> addresses,
            NodeId self, Optional<PeerKey> key, Clock clock, Duration timeout, Map<String, String> routes) {
        this.routes = Map.copyOf(routes);
        this.http = http;
        this.jsonb = jsonb;
        this.addresses = addresses;
        this.self = self;
        this.key = key;
        this.clock = clock;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Void> put(NodeId node, String key, DottedVersionVectorSet<Blob> value,
            Optional<NodeId> hintFor) {
        String query = "key=" + encode(key)
                + hintFor.map(h -> "&hintFor=" + encode(h.value())).orElse("");
        return send(node, "/replica?" + query, "POST", OCTETS, SiblingSetCodec.encode(value))
                .thenApply(response -> null);
    }

    @Override
    public CompletableFuture<Optional<DottedVersionVectorSet<Blob>>> get(NodeId node, String key) {
        return send(node, "/replica?key=" + encode(key), "GET", null, null)
                .thenApply(response -> response.statusCode() == 204 ? Optional.empty()
                        : Optional.of(SiblingSetCodec.decode(response.body())));
    }

    @Override
    public CompletableFuture<ClientWriteResult> forwardWrite(NodeId coordinator, ClientWrite write) {
        return send(coordinator, "/forward", "POST", JSON, json(KvWire.write(write)), FORWARD_VERDICTS)
                .thenApply(response -> {
                    int status = response.statusCode();
                    if (status == 503) {
                        KvWire.QuorumFailure failure = fromJson(response, KvWire.QuorumFailure.class);
                        throw KvWire.failure(failure);
                    }
                    if (status == 409 || status == 413) {
                        throw LimitRefusals.read(jsonb, write.key(), response.body(), "the forward's " + status);
                    }
                    KvWire.WriteResult result = fromJson(response, KvWire.WriteResult.class);
                    return KvWire.result(result);
                });
    }

    @Override
    public CompletableFuture<List<byte[]>> merkleLeaves(NodeId node, TokenRange range, int depth,
            AntiEntropyExchange exchange) {
        return send(node, "/merkle/leaves?start=" + range.start() + "&end=" + range.end() + "&depth=" + depth
                + exchangeParameters(exchange), "GET", null, null)
                .thenApply(response -> {
                    List<String> leaves = fromJson(response, listOf(String.class));
                    List<byte[]> result = new ArrayList<>(leaves.size());
                    leaves.forEach(leaf -> result.add(KvWire.unbase64(leaf, "leaf hash")));
                    return result;
                });
    }

    @Override
    public CompletableFuture<Map<String, byte[]>> bucketDigests(NodeId node, TokenRange range, int depth,
            List<Integer> buckets, AntiEntropyExchange exchange) {
        KvWire.DigestRequest request = new KvWire.DigestRequest(range.start(), range.end(), depth, buckets,
                exchange == null ? null : exchange.id());
        return send(node, "/merkle/digests", "POST", JSON, json(request))
                .thenApply(response -> {
                    Map<String, String> digests = fromJson(response, mapOf(String.class));
                    Map<String, byte[]> result = new LinkedHashMap<>();
                    digests.forEach((key, digest) -> result.put(key, KvWire.unbase64(digest, "digest of " + key)));
                    return result;
                });
    }

    @Override
    public CompletableFuture<List<KeyedCopy>> fetch(NodeId node, List<String> keys) {
        return send(node, "/fetch", "POST", JSON, json(keys))
                .thenApply(response -> {
                    List<KvWire.Copy> copies = fromJson(response, listOf(KvWire.Copy.class));
                    return copies.stream().map(KvWire::copy).toList();
                });
    }

    @Override
    public CompletableFuture<Void> mergeBatch(NodeId node, List<KeyedCopy> copies) {
        return send(node, "/merge", "POST", JSON, json(copies.stream().map(KvWire::copy).toList()))
                .thenApply(response -> null);
    }

    @Override
    public CompletableFuture<GossipMessage> exchange(String address, GossipMessage message) {
        return send(URI.create(route(address) + BASE + "/gossip"), "POST", JSON, json(message), Set.of())
                .thenApply(response -> fromJson(response, GossipMessage.class));
    }

    private CompletableFuture<HttpResponse<byte[]>> send(NodeId node, String path, String method, String type,
            byte[] body) {
        return send(node, path, method, type, body, Set.of());
    }

    private CompletableFuture<HttpResponse<byte[]>> send(NodeId node, String path, String method, String type,
            byte[] body, Set<Integer> verdicts) {
        Optional<String> address = addresses.apply(node);
        if (address.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no address known for node " + node));
        }
        return send(URI.create(route(address.get()) + BASE + path), method, type, body, verdicts);
    }

    /** Fails on any answer but a 2xx or one of {@code verdicts}, which the caller reads. */
    private CompletableFuture<HttpResponse<byte[]>> send(URI uri, String method, String type, byte[] body,
            Set<Integer> verdicts) {
        if (key.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no cluster secret: no node-to-node calls"));
        }
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        RequestSignature signature = RequestSignature.sign(key.get(), method, target, clock.millis(), self.value(),
                body == null ? new byte[0] : body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header(RequestSignature.HEADER, signature.header());
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(response -> {
            int status = response.statusCode();
            if (status / 100 != 2 && !verdicts.contains(status)) {
                throw new IllegalStateException(method + " " + uri.getPath() + " answered " + status + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response;
        });
    }

    private String route(String address) {
        return routes.getOrDefault(address, address);
    }

    private byte[] json(Object value) {
        return jsonb.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T fromJson(HttpResponse<byte[]> response, Type type) {
        return jsonb.fromJson(new String(response.body(), StandardCharsets.UTF_8), type);
    }

    /** The exchange's id and (first call) the initiator's root as query parameters; none without an exchange. */
    private static String exchangeParameters(AntiEntropyExchange exchange) {
        if (exchange == null) {
            return "";
        }
        byte[] root = exchange.initiatorRoot();
        return "&exchange=" + encode(exchange.id()) + (root == null ? "" : "&root=" + encode(KvWire.base64(root)));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static Type listOf(Class<?> element) {
        return new java.lang.reflect.ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {element};
            }

            @Override
            public Type getRawType() {
                return List.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }

    private static Type mapOf(Class<?> value) {
        return new java.lang.reflect.ParameterizedType() {
            @Override
            public Type[] getActualTypeArguments() {
                return new Type[] {String.class, value};
            }

            @Override
            public Type getRawType() {
                return Map.class;
            }

            @Override
            public Type getOwnerType() {
                return null;
            }
        };
    }
}
