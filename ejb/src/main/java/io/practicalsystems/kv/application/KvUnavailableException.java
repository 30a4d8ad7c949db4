package io.practicalsystems.kv.application;

/** The key-value store is not running on this server (disabled, misconfigured, or its store failed to open). */
public class KvUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KvUnavailableException(String reason) {
        super(reason);
    }
}
