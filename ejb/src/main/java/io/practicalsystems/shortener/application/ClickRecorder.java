package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.ClickEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;

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

    /** @return true if this event was new */
    @Transactional
    public boolean record(ClickEvent event) {
        if (em.find(ClickRecord.class, event.eventId()) != null) {
            return false;
        }
        em.persist(new ClickRecord(event.eventId(), event.code(), event.occurredAt(),
                event.occurredAt().atZone(ZoneOffset.UTC).toLocalDate(), event.referrerHost(), event.agentFamily()));
        em.flush(); // a concurrent duplicate fails here (primary key) and is redelivered, then skipped
        live.count(event);
        return true;
    }
}
