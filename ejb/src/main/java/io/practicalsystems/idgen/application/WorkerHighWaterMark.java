package io.practicalsystems.idgen.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The highest timestamp (epoch ms) a worker ID may have issued IDs up to. Kept in SQL — durable, and shared
 * by every instance when they share a database — so that whoever holds the worker ID next, or the same
 * server restarted on a clock that is behind, never issues an ID at or below it.
 */
@Entity
@Table(name = "IDGEN_HIGH_WATER_MARK")
public class WorkerHighWaterMark {

    @Id
    @Column(name = "WORKER_ID")
    private int workerId;

    @Column(name = "CEILING_MILLIS", nullable = false)
    private long ceilingMillis;

    protected WorkerHighWaterMark() {
    }

    public WorkerHighWaterMark(int workerId, long ceilingMillis) {
        this.workerId = workerId;
        this.ceilingMillis = ceilingMillis;
    }

    public int workerId() {
        return workerId;
    }

    public long ceilingMillis() {
        return ceilingMillis;
    }

    /** Only ever moves forward: a late writer with an older ceiling must not lower it. */
    public void raiseTo(long ceiling) {
        ceilingMillis = Math.max(ceilingMillis, ceiling);
    }
}
