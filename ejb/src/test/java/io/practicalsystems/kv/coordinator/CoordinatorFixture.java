package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.HashRing;
import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;

/** A 5-node ring, the key {@code "user:42"} and its clockwise walk, shared by the coordinator tests. */
class CoordinatorFixture {

    static final String KEY = "user:42";

    final List<NodeId> nodes = IntStream.rangeClosed(1, 5).mapToObj(i -> NodeId.of("node-" + i)).toList();
    final HashRing ring = HashRing.of(nodes, 16);
    /** All 5 nodes clockwise from the key: the first three are its preference list, the 4th and 5th stand-ins. */
    final List<NodeId> walk = ring.preferenceList(KEY, 5);
    final FakeReplicas<Set<String>> replicas = new FakeReplicas<>(Siblings::union);

    NodeId preferred(int i) {
        return walk.get(i);
    }

    /** The exception a failed future failed with (unwrapped from {@code CompletionException}). */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        throw new AssertionError("future did not fail: " + future);
    }
}
