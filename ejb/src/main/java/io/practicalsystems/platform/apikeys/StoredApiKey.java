package io.practicalsystems.platform.apikeys;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An issued API key as stored: its public ID and the SHA-256 of the key, never the key itself. Not in JPA's shared
 * cache: a revocation made by another server must be seen by the next lookup here, not an entity cached earlier.
 */
@Entity
@Cacheable(false)
@Table(name = "PS_API_KEY")
public class StoredApiKey {

    @Id
    @Column(name = "ID", length = 32)
    private String id;

    @Column(name = "KEY_HASH", nullable = false, unique = true, length = 64)
    private String keyHash;

    @Column(name = "NAME", nullable = false, length = ApiKeyService.MAX_NAME_LENGTH)
    private String name;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "REVOKED_AT")
    private Instant revokedAt;

    protected StoredApiKey() {
    }

    StoredApiKey(String id, String keyHash, String name, Instant createdAt) {
        this.id = id;
        this.keyHash = keyHash;
        this.name = name;
        this.createdAt = createdAt;
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    ApiKeyCheck check() {
        return revokedAt == null ? ApiKeyCheck.valid(id) : ApiKeyCheck.revoked(id);
    }

    ApiKeyView view() {
        return new ApiKeyView(id, name, createdAt, revokedAt);
    }

    String keyHash() {
        return keyHash;
    }
}
