package io.practicalsystems.idgen.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/** Reads and raises per-worker high-water marks, each in its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class HighWaterMarkRepository {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    public long load(int workerId) {
        WorkerHighWaterMark mark = em.find(WorkerHighWaterMark.class, workerId);
        return mark == null ? 0L : mark.ceilingMillis();
    }

    public void raise(int workerId, long ceilingMillis) {
        WorkerHighWaterMark mark = em.find(WorkerHighWaterMark.class, workerId, LockModeType.PESSIMISTIC_WRITE);
        if (mark == null) {
            em.persist(new WorkerHighWaterMark(workerId, ceilingMillis));
        } else {
            mark.raiseTo(ceilingMillis);
        }
    }
}
