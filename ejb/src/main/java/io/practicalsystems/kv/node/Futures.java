package io.practicalsystems.kv.node;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Small helpers for transport futures. */
final class Futures {

    private Futures() {
    }

    /** Calls {@code call}, turning a synchronous throw or a {@code null} future into a failed future. */
    static <T> CompletableFuture<T> safely(Supplier<CompletableFuture<T>> call) {
        try {
            CompletableFuture<T> future = call.get();
            return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("null future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The exception inside a {@link CompletionException}, or {@code error} itself. */
    static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
