package io.practicalsystems.kv.storage;

/** The store closed itself after a failure and has not been opened again yet: the request can be retried later. */
public final class StoreFailedException extends IllegalStateException {

    StoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
