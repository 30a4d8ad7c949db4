package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.ClickEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Moves clicks stored one row per click (before click batches, {@link ClickRecord}) into click batches, so the
 * rollup, which reads only batches, still counts them. Each page becomes batches keyed by their first event ID
 * and its rows are deleted in the same transaction: a conversion interrupted half-way, or run twice, never
 * loses or duplicates a click.
 */
@ApplicationScoped
public class LegacyClickRows {

    static final int PAGE = 500;

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    /** Converts up to {@value #PAGE} rows in its own transaction; @return how many rows were converted (0 = done) */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int convertPage() {
        List<ClickRecord> rows = em.createQuery("SELECT c FROM ClickRecord c ORDER BY c.eventId", ClickRecord.class)
                .setMaxResults(PAGE).getResultList();
        List<ClickEvent> events = rows.stream().map(ClickRecord::toEvent).toList();
        for (ClickBatch batch : ClickBatch.split(events)) {
            if (em.find(StoredClickBatch.class, batch.id()) == null) {
                em.persist(new StoredClickBatch(batch));
            }
        }
        rows.forEach(em::remove);
        return rows.size();
    }
}
