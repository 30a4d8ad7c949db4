package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;

/**
 * In-memory replicas behind the {@link ReplicaClient} interface. Each node is UP (answers at once), DOWN (fails at
 * once) or HELD (the call waits until the test releases or fails it): slow and failing replicas without sleeps.
 *
 * <p>Like a real node, a put with a hint goes into that node's {@link HintedHandoffQueue}, not its store.
 */
final class FakeReplicas<V> implements ReplicaClient<V> {

    enum Mode { UP, DOWN, HELD }

    record PutCall<V>(NodeId node, String key, V value, Optional<NodeId> hintFor) {
    }

    private final BinaryOperator<V> merge;
    private final Map<NodeId, Mode> modes = new HashMap<>();
    private final Map<NodeId, Map<String, V>> stores = new HashMap<>();
    private final Map<NodeId, HintedHandoffQueue<V>> hintQueues = new HashMap<>();
    private final Map<NodeId, Deque<Runnable>> heldSuccesses = new HashMap<>();
    private final Map<NodeId, Deque<Runnable>> heldFailures = new HashMap<>();
    private final List<PutCall<V>> puts = new ArrayList<>();
    private final List<NodeId> gets = new ArrayList<>();

    /** @param merge how a node combines an incoming value with the one it holds */
    FakeReplicas(BinaryOperator<V> merge) {
        this.merge = merge;
    }

    FakeReplicas<V> mode(NodeId node, Mode mode) {
        modes.put(node, mode);
        return this;
    }

    boolean isUp(NodeId node) {
        return modes.getOrDefault(node, Mode.UP) != Mode.DOWN;
    }

    FakeReplicas<V> store(NodeId node, String key, V value) {
        stores.computeIfAbsent(node, n -> new HashMap<>()).put(key, value);
        return this;
    }

    Optional<V> stored(NodeId node, String key) {
        return Optional.ofNullable(stores.getOrDefault(node, Map.of()).get(key));
    }

    HintedHandoffQueue<V> hintsHeldBy(NodeId standIn) {
        return hintQueues.computeIfAbsent(standIn, n -> new HintedHandoffQueue<>(100));
    }

    List<PutCall<V>> puts() {
        return List.copyOf(puts);
    }

    List<NodeId> gets() {
        return List.copyOf(gets);
    }

    int held(NodeId node) {
        return heldSuccesses.getOrDefault(node, new ArrayDeque<>()).size();
    }

    /** Lets the oldest held call to {@code node} succeed. */
    void release(NodeId node) {
        heldFailures.get(node).pollFirst();
        heldSuccesses.get(node).pollFirst().run();
    }

    /** Lets the oldest held call to {@code node} fail, as a timeout would. */
    void fail(NodeId node) {
        heldSuccesses.get(node).pollFirst();
        heldFailures.get(node).pollFirst().run();
    }

    @Override
    public CompletableFuture<Void> put(NodeId node, String key, V value, Optional<NodeId> hintFor) {
        puts.add(new PutCall<>(node, key, value, hintFor));
        return answer(node, () -> {
            if (hintFor.isPresent()) {
                hintsHeldBy(node).add(new Hint<>(hintFor.get(), key, value));
            } else {
                stores.computeIfAbsent(node, n -> new HashMap<>()).merge(key, value, merge);
            }
            return null;
        });
    }

    @Override
    public CompletableFuture<Optional<V>> get(NodeId node, String key) {
        gets.add(node);
        return answer(node, () -> stored(node, key));
    }

    private <T> CompletableFuture<T> answer(NodeId node, Supplier<T> effect) {
        switch (modes.getOrDefault(node, Mode.UP)) {
            case DOWN:
                return CompletableFuture.failedFuture(new IllegalStateException(node + " is down"));
            case HELD:
                CompletableFuture<T> future = new CompletableFuture<>();
                heldSuccesses.computeIfAbsent(node, n -> new ArrayDeque<>())
                        .add(() -> future.complete(effect.get()));
                heldFailures.computeIfAbsent(node, n -> new ArrayDeque<>())
                        .add(() -> future.completeExceptionally(new IllegalStateException(node + " timed out")));
                return future;
            default:
                return CompletableFuture.completedFuture(effect.get());
        }
    }
}
