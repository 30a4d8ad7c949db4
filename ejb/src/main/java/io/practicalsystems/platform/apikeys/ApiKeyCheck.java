package io.practicalsystems.platform.apikeys;

/**
 * The result of checking a presented key: valid (with the key's public ID), unknown, or revoked.
 *
 * @param keyId the key's public ID when {@code outcome} is VALID or REVOKED, else null
 */
public record ApiKeyCheck(Outcome outcome, String keyId) {

    /** The three answers a lookup can give. */
    public enum Outcome { VALID, UNKNOWN, REVOKED }

    public static final ApiKeyCheck UNKNOWN = new ApiKeyCheck(Outcome.UNKNOWN, null);

    public static ApiKeyCheck valid(String keyId) {
        return new ApiKeyCheck(Outcome.VALID, keyId);
    }

    public static ApiKeyCheck revoked(String keyId) {
        return new ApiKeyCheck(Outcome.REVOKED, keyId);
    }

    public boolean isValid() {
        return outcome == Outcome.VALID;
    }
}
