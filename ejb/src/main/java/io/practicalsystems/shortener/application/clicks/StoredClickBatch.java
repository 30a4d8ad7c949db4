package io.practicalsystems.shortener.application.clicks;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.DailyStat;
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
 * The clicks of one {@link ClickBatch} as one row: the counts of one flush on one day. The batch ID (the aggregate's
 * ID and the day) is the primary key: a redelivered aggregate cannot store its batches twice.
 */
@Entity
@Table(name = "SHORTENER_CLICK_BATCH")
public class StoredClickBatch {

    /** Column widths of the rollup's rows: a count that does not fit could never be rolled up, so it is refused. */
    public static boolean fits(DailyStat count) {
        return count.code().length() <= 32 && count.referrerHost().length() <= 255 && count.agentFamily().length() <= 16;
    }

    @Id
    @Column(name = "BATCH_ID", length = 40)
    private String batchId;

    @Column(name = "CLICK_DAY", nullable = false)
    private LocalDate clickDay;

    @Column(name = "EVENT_COUNT", nullable = false)
    private int eventCount; // clicks: the column is named for the rows of older versions, one event per click

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "EVENTS", nullable = false)
    private byte[] events; // UTF-8 count lines (event lines in rows of older versions). Not a CLOB: Derby streams a CLOB character by character — half the listener's CPU in a profile

    protected StoredClickBatch() {
    }

    public StoredClickBatch(ClickBatch batch) {
        this.batchId = batch.id();
        this.clickDay = batch.day();
        this.eventCount = Math.toIntExact(batch.clicks());
        this.events = batch.toText().getBytes(StandardCharsets.UTF_8);
    }

    public String batchId() {
        return batchId;
    }

    public ClickBatch toBatch() {
        return ClickBatch.fromText(batchId, clickDay, new String(events, StandardCharsets.UTF_8));
    }
}
