package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a delivered click exactly once: the raw row is keyed by the event ID (a redelivered or duplicated
 * message finds it and is skipped), then the live counters are bumped idempotently ({@link LiveClickCounters}).
 */
@ApplicationScoped
public class ClickRecorder {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    @Inject
    LiveClickCounters live;

    /** Stores a batch in one transaction; @return how many events were new */
    @Transactional
    public int recordAll(List<ClickEvent> events) {
        List<ClickEvent> fresh = new ArrayList<>();
        Set<String> inBatch = new HashSet<>();
        for (ClickEvent event : events) {
            if (!inBatch.add(event.eventId()) || em.find(ClickRecord.class, event.eventId()) != null) {
                continue; // duplicate within the batch, or already stored by an earlier delivery
            }
            em.persist(new ClickRecord(event.eventId(), event.code(), event.occurredAt(),
                    event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.referrerHost(), event.agentFamily()));
            fresh.add(event);
        }
        em.flush(); // a concurrent duplicate fails here (primary key): rollback, redelivery, then it is skipped
        fresh.forEach(live::count);
        return fresh.size();
    }
}
