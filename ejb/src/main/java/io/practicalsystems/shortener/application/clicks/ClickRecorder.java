package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.ClickEvent;
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
 * Stores a delivered message's clicks exactly once, as {@link ClickBatch}es: one row per batch keyed by the batch
 * ID (a redelivered or re-sent message finds its batches stored and skips them), then the live counters are bumped
 * once per batch ({@link LiveClickCounters}).
 */
@ApplicationScoped
public class ClickRecorder {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    @Inject
    LiveClickCounters live;

    /** Stores one message's events in one transaction; @return how many events were new */
    @Transactional
    public int recordAll(List<ClickEvent> events) {
        List<ClickBatch> batches = ClickBatch.split(events);
        if (batches.isEmpty()) {
            return 0;
        }
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
        return fresh.stream().mapToInt(b -> b.events().size()).sum();
    }

    /** The IDs of those batches that already have a row: one query per message (a message is one or two batches). */
    private Set<String> alreadyStored(List<ClickBatch> batches) {
        return new HashSet<>(em.createQuery("SELECT b.batchId FROM StoredClickBatch b WHERE b.batchId IN :ids",
                        String.class)
                .setParameter("ids", batches.stream().map(ClickBatch::id).toList())
                .getResultList());
    }
}
