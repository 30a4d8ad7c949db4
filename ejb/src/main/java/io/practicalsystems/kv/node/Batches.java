package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Futures;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Sends a list in consecutive batches, one at a time, stopping at the first failure. */
final class Batches {

    private Batches() {
    }

    static <T> CompletableFuture<Void> send(List<T> items, int batchSize,
            Function<List<T>, CompletableFuture<Void>> sendOne) {
        return sendFrom(items, 0, batchSize, sendOne);
    }

    private static <T> CompletableFuture<Void> sendFrom(List<T> items, int from, int batchSize,
            Function<List<T>, CompletableFuture<Void>> sendOne) {
        if (from >= items.size()) {
            return CompletableFuture.completedFuture(null);
        }
        List<T> batch = List.copyOf(items.subList(from, Math.min(items.size(), from + batchSize)));
        return Futures.safely(() -> sendOne.apply(batch))
                .thenCompose(ignored -> sendFrom(items, from + batchSize, batchSize, sendOne));
    }
}
