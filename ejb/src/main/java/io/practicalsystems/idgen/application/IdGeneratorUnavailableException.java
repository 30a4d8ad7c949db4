package io.practicalsystems.idgen.application;

@jakarta.ejb.ApplicationException
/** The generator cannot issue IDs right now (no lease, clock behind, start-up check failed); retry later. */
public class IdGeneratorUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public IdGeneratorUnavailableException(String reason, long retryAfterSeconds) {
        super(reason);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
