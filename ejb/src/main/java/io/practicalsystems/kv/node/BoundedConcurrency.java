package io.practicalsystems.kv.node;

import io.practicalsystems.kv.coordinator.Futures;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs one asynchronous task per item with at most {@code limit} of them in flight: {@code limit} lanes each take the
 * next item when their last task has completed. Bounds what a maintenance pass over many ranges costs at once.
 */
final class BoundedConcurrency {

    private BoundedConcurrency() {
    }

    /**
     * The tasks' results in item order, once every task has completed. A failed task does not stop the others; the
     * result then fails with the first failure, after all of them ran.
     */
    static <T, R> CompletableFuture<List<R>> map(List<T> items, int limit,
            Function<? super T, CompletableFuture<R>> task) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, got " + limit);
        }
        List<R> results = Collections.synchronizedList(new ArrayList<>(Collections.nCopies(items.size(), null)));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        CompletableFuture<?>[] lanes = new CompletableFuture<?>[Math.min(limit, items.size())];
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = lane(items, next, task, results, firstFailure);
        }
        return CompletableFuture.allOf(lanes).thenCompose(ignored -> {
            Throwable failure = firstFailure.get();
            return failure != null ? CompletableFuture.failedFuture(failure)
                    : CompletableFuture.completedFuture(Collections.unmodifiableList(new ArrayList<>(results)));
        });
    }

    private static <T, R> CompletableFuture<Void> lane(List<T> items, AtomicInteger next,
            Function<? super T, CompletableFuture<R>> task, List<R> results, AtomicReference<Throwable> firstFailure) {
        int index = next.getAndIncrement();
        if (index >= items.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return Futures.safely(() -> task.apply(items.get(index))).handle((result, error) -> {
            if (error != null) {
                firstFailure.compareAndSet(null, Futures.unwrap(error));
            } else {
                results.set(index, result);
            }
            return null;
        }).thenCompose(ignored -> lane(items, next, task, results, firstFailure));
    }
}
