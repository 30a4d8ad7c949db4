package io.practicalsystems.shortener.application.links;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A short code and where it leads. Deleting is soft ({@code deletedAt}): the row, and so the code, stays,
 * which is what guarantees a code is never reissued to a different destination.
 */
@Entity
@Table(name = "SHORTENER_LINK")
public class ShortLink {

    @Id
    @Column(name = "ID")
    private long id;

    @Column(name = "CODE", nullable = false, unique = true, length = 32)
    private String code;

    @Column(name = "TARGET_URL", nullable = false, length = 2048)
    private String targetUrl;

    /** SHA-256 of the target URL: an indexable key for idempotent creates (the URL itself is too long). */
    @Column(name = "TARGET_HASH", nullable = false, length = 64)
    private String targetHash;

    @Column(name = "OWNER_KEY", nullable = false, length = 64)
    private String ownerKey;

    @Column(name = "REDIRECT_STATUS", nullable = false)
    private int redirectStatus;

    @Column(name = "CUSTOM_ALIAS", nullable = false)
    private boolean customAlias;

    @Column(name = "CREATED_AT", nullable = false)
    private Instant createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private Instant updatedAt;

    @Column(name = "EXPIRES_AT")
    private Instant expiresAt;

    @Column(name = "DELETED_AT")
    private Instant deletedAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private long version;

    protected ShortLink() {
    }

    public ShortLink(long id, String code, String targetUrl, String targetHash, String ownerKey, int redirectStatus,
                     boolean customAlias, Instant createdAt, Instant expiresAt) {
        this.id = id;
        this.code = code;
        this.targetUrl = targetUrl;
        this.targetHash = targetHash;
        this.ownerKey = ownerKey;
        this.redirectStatus = redirectStatus;
        this.customAlias = customAlias;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public void retarget(String url, String hash, Instant now) {
        this.targetUrl = url;
        this.targetHash = hash;
        this.updatedAt = now;
    }

    public void changeRedirectStatus(int status, Instant now) {
        this.redirectStatus = status;
        this.updatedAt = now;
    }

    public void changeExpiry(Instant expiresAt, Instant now) {
        this.expiresAt = expiresAt;
        this.updatedAt = now;
    }

    public void delete(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public long id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String targetUrl() {
        return targetUrl;
    }

    public String targetHash() {
        return targetHash;
    }

    public String ownerKey() {
        return ownerKey;
    }

    public int redirectStatus() {
        return redirectStatus;
    }

    public boolean customAlias() {
        return customAlias;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant deletedAt() {
        return deletedAt;
    }
}
