package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.ClickEvent;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The raw clicks of one {@link ClickBatch} as one row. The batch ID (its first event's ID) is the primary key: a
 * redelivered message cannot store its batches twice.
 */
@Entity
@Table(name = "SHORTENER_CLICK_BATCH")
public class StoredClickBatch {

    /** Column widths: an event that does not fit can never be stored or rolled up, so it is refused before it is queued. */
    public static final int MAX_EVENT_ID = 40;
    public static final int MAX_CODE = 32;

    public static boolean fits(ClickEvent event) {
        return event.eventId().length() <= MAX_EVENT_ID && event.code().length() <= MAX_CODE
                && event.referrerHost().length() <= 255 && event.agentFamily().length() <= 16;
    }

    @Id
    @Column(name = "BATCH_ID", length = 40)
    private String batchId;

    @Column(name = "CLICK_DAY", nullable = false)
    private LocalDate clickDay;

    @Column(name = "EVENT_COUNT", nullable = false)
    private int eventCount;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "EVENTS", nullable = false)
    private byte[] events; // UTF-8 wire lines. Not a CLOB: Derby streams a CLOB character by character — half the listener's CPU in a profile

    protected StoredClickBatch() {
    }

    public StoredClickBatch(ClickBatch batch) {
        this.batchId = batch.id();
        this.clickDay = batch.day();
        this.eventCount = batch.events().size();
        this.events = batch.toText().getBytes(StandardCharsets.UTF_8);
    }

    public String batchId() {
        return batchId;
    }

    public ClickBatch toBatch() {
        return new ClickBatch(batchId, clickDay, ClickBatch.eventsFromText(new String(events, StandardCharsets.UTF_8)));
    }
}
