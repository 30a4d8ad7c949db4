package io.practicalsystems.kv.coordinator;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** Helpers for the futures replicas and peers answer with: the coordinator's steps and the node's rounds share them. */
public final class Futures {

    private Futures() {
    }

    /**
     * Calls {@code call}, turning a synchronous throw or a {@code null} future into a failed future, so one bad replica
     * or peer cannot abort a fan-out.
     */
    public static <T> CompletableFuture<T> safely(Supplier<CompletableFuture<T>> call) {
        try {
            CompletableFuture<T> future = call.get();
            return future != null ? future : CompletableFuture.failedFuture(new IllegalStateException("null future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The exception inside a {@link CompletionException}, or {@code error} itself. */
    public static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
