package io.practicalsystems.shortener.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One raw click as delivered over JMS. The event ID is the primary key: a redelivery cannot insert it twice. */
@Entity
@Table(name = "SHORTENER_CLICK")
public class ClickRecord {

    /** Column widths: an event that does not fit can never be stored, so it is refused before it is queued. */
    public static final int MAX_EVENT_ID = 40;
    public static final int MAX_CODE = 32;

    public static boolean fits(io.practicalsystems.shortener.ClickEvent event) {
        return event.eventId().length() <= MAX_EVENT_ID && event.code().length() <= MAX_CODE
                && event.referrerHost().length() <= 255 && event.agentFamily().length() <= 16;
    }

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

    public ClickRecord(String eventId, String code, Instant occurredAt, LocalDate clickDay, String referrerHost,
                       String agentFamily) {
        this.eventId = eventId;
        this.code = code;
        this.occurredAt = occurredAt;
        this.clickDay = clickDay;
        this.referrerHost = referrerHost;
        this.agentFamily = agentFamily;
    }

    public io.practicalsystems.shortener.ClickEvent toEvent() {
        return new io.practicalsystems.shortener.ClickEvent(eventId, code, occurredAt, referrerHost, agentFamily);
    }
}
