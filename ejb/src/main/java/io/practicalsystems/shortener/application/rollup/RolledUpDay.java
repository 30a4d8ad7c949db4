package io.practicalsystems.shortener.application.rollup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A day whose raw clicks the rollup job has aggregated; stats read such days from rollups, others live. */
@Entity
@Table(name = "SHORTENER_ROLLUP_DAY")
public class RolledUpDay {

    @Id
    @Column(name = "CLICK_DAY")
    private LocalDate clickDay;

    @Column(name = "EVENTS", nullable = false)
    private long events;

    @Column(name = "COMPLETED_AT", nullable = false)
    private Instant completedAt;

    protected RolledUpDay() {
    }

    public RolledUpDay(LocalDate clickDay, long events, Instant completedAt) {
        this.clickDay = clickDay;
        this.events = events;
        this.completedAt = completedAt;
    }

    public LocalDate clickDay() {
        return clickDay;
    }

    public long events() {
        return events;
    }

    public void completed(long events, Instant at) {
        this.events = events;
        this.completedAt = at;
    }
}
