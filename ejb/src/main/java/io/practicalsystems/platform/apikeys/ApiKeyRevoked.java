package io.practicalsystems.platform.apikeys;

/** CDI event, fired when a key is revoked: this server's cache forgets it once the revocation is committed. */
record ApiKeyRevoked(String keyHash) {
}
