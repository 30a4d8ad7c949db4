package io.practicalsystems.shortener.application.links;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries over {@link ShortLink}; joins the caller's transaction. */
@ApplicationScoped
public class LinkRepository {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    public Optional<ShortLink> findByCode(String code) {
        return em.createQuery("SELECT l FROM ShortLink l WHERE l.code = :code", ShortLink.class)
                .setParameter("code", code).getResultStream().findFirst();
    }

    public Optional<ShortLink> findLiveByOwnerAndTarget(String ownerKey, String targetHash, Instant now) {
        return em.createQuery("SELECT l FROM ShortLink l WHERE l.ownerKey = :owner AND l.targetHash = :hash"
                        + " AND l.deletedAt IS NULL AND l.customAlias = FALSE"
                        + " AND (l.expiresAt IS NULL OR l.expiresAt > :now) ORDER BY l.id", ShortLink.class)
                .setParameter("owner", ownerKey).setParameter("hash", targetHash).setParameter("now", now)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public List<ShortLink> findByOwner(String ownerKey, int offset, int limit) {
        return em.createQuery("SELECT l FROM ShortLink l WHERE l.ownerKey = :owner AND l.deletedAt IS NULL"
                        + " ORDER BY l.id DESC", ShortLink.class)
                .setParameter("owner", ownerKey).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public void flush() {
        em.flush();
    }
}
