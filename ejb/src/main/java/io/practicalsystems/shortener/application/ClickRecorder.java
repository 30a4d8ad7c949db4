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

    private static final int IDS_PER_QUERY = 250;

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    @Inject
    LiveClickCounters live;

    /** Stores a batch in one transaction; @return how many events were new */
    @Transactional
    public int recordAll(List<ClickEvent> events) {
        Set<String> stored = alreadyStored(events);
        List<ClickEvent> fresh = new ArrayList<>();
        for (ClickEvent event : events) {
            if (!stored.add(event.eventId())) {
                continue; // already stored by an earlier delivery, or a duplicate within the batch
            }
            em.persist(new ClickRecord(event.eventId(), event.code(), event.occurredAt(),
                    event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.referrerHost(), event.agentFamily()));
            fresh.add(event);
        }
        em.flush(); // a concurrent duplicate fails here (primary key): rollback, redelivery, then it is skipped
        live.countAll(fresh);
        return fresh.size();
    }

    /** The batch's event IDs that already have a row: one query per {@value #IDS_PER_QUERY} IDs, not one per event. */
    private Set<String> alreadyStored(List<ClickEvent> events) {
        List<String> ids = events.stream().map(ClickEvent::eventId).distinct().toList();
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IDS_PER_QUERY) {
            stored.addAll(em.createQuery("SELECT c.eventId FROM ClickRecord c WHERE c.eventId IN :ids", String.class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + IDS_PER_QUERY)))
                    .getResultList());
        }
        return stored;
    }
}
