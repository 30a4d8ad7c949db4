package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickAggregate;
import io.practicalsystems.shortener.ClickBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a delivered {@link ClickAggregate} exactly once, as {@link ClickBatch}es: one row per UTC day keyed by the
 * aggregate ID and the day, written in one transaction (a redelivered or re-sent aggregate finds its rows and is
 * skipped), then the live counters are bumped once per batch ({@link LiveClickCounters}).
 */
@ApplicationScoped
public class ClickRecorder {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    @Inject
    LiveClickCounters live;

    /** Stores one aggregate in one transaction; @return how many of its clicks were new (0 for a duplicate) */
    @Transactional
    public long record(ClickAggregate aggregate) {
        List<ClickBatch> batches = aggregate.batches();
        Set<String> stored = alreadyStored(batches);
        List<ClickBatch> fresh = new ArrayList<>(batches.size());
        for (ClickBatch batch : batches) {
            if (!stored.contains(batch.id())) {
                em.persist(new StoredClickBatch(batch));
                fresh.add(batch);
            }
        }
        em.flush(); // a concurrent duplicate fails here (primary key): rollback, redelivery, then it is skipped
        live.countAll(fresh);
        return fresh.stream().mapToLong(ClickBatch::clicks).sum();
    }

    /** The IDs of those batches that already have a row: one query per aggregate (one batch, two across midnight). */
    private Set<String> alreadyStored(List<ClickBatch> batches) {
        return new HashSet<>(em.createQuery("SELECT b.batchId FROM StoredClickBatch b WHERE b.batchId IN :ids",
                        String.class)
                .setParameter("ids", batches.stream().map(ClickBatch::id).toList())
                .getResultList());
    }
}
