package io.practicalsystems.platform.apikeys;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Issuing, listing, revoking and looking up API keys in SQL ({@code PS_API_KEY}); each public method is one
 * transaction. A failing database surfaces as the container's EJBException (answered 503 by the REST layer).
 */
@Stateless
public class ApiKeyService {

    public static final int MAX_NAME_LENGTH = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    /** Issues a new key under {@code name} (a label for people, 1..100 characters, not unique). */
    public IssuedApiKey issue(String name) {
        String key = ApiKeySecrets.newKey(RANDOM);
        StoredApiKey stored = new StoredApiKey(ApiKeySecrets.newId(RANDOM), ApiKeySecrets.hash(key), name,
                Instant.now());
        em.persist(stored);
        ApiKeyView view = stored.view();
        return new IssuedApiKey(view.id(), view.name(), key, view.createdAt());
    }

    /** Newest first. */
    public List<ApiKeyView> list(int page, int size) {
        return em.createQuery("SELECT k FROM StoredApiKey k ORDER BY k.createdAt DESC, k.id", StoredApiKey.class)
                .setFirstResult(page * size).setMaxResults(size).getResultStream().map(StoredApiKey::view).toList();
    }

    /**
     * Revokes the key with this public ID (again: no change). Call through {@link ApiKeyVerifier#revoke}, which
     * also drops this server's cached check.
     *
     * @return the revoked key's hash, empty if no key has this ID
     */
    public Optional<String> revoke(String id) {
        StoredApiKey stored = em.find(StoredApiKey.class, id);
        if (stored == null) {
            return Optional.empty();
        }
        stored.revoke(Instant.now());
        return Optional.of(stored.keyHash());
    }

    /** What the database says about the key with this hash (see {@link ApiKeySecrets#hash}). */
    public ApiKeyCheck check(String keyHash) {
        return em.createQuery("SELECT k FROM StoredApiKey k WHERE k.keyHash = :hash", StoredApiKey.class)
                .setParameter("hash", keyHash).getResultStream().findFirst()
                .map(StoredApiKey::check).orElse(ApiKeyCheck.UNKNOWN);
    }
}
