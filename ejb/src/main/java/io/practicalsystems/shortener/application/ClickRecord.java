package io.practicalsystems.shortener.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One raw click per row, as stored before click batches ({@link StoredClickBatch}). Only read, to be converted by
 * {@link LegacyClickRows}; nothing writes these rows any more.
 */
@Entity
@Table(name = "SHORTENER_CLICK")
public class ClickRecord {

    @Id
    @Column(name = "EVENT_ID", length = 40)
    private String eventId;

    @Column(name = "CODE", nullable = false, length = 32)
    private String code;

    @Column(name = "OCCURRED_AT", nullable = false)
    private Instant occurredAt;

    @Column(name = "CLICK_DAY", nullable = false)
    private LocalDate clickDay;

    @Column(name = "REFERRER_HOST", nullable = false)
    private String referrerHost;

    @Column(name = "AGENT_FAMILY", nullable = false, length = 16)
    private String agentFamily;

    protected ClickRecord() {
    }

    public io.practicalsystems.shortener.ClickEvent toEvent() {
        return new io.practicalsystems.shortener.ClickEvent(eventId, code, occurredAt, referrerHost, agentFamily);
    }
}
