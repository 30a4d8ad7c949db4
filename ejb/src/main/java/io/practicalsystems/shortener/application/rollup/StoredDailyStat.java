package io.practicalsystems.shortener.application.rollup;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A {@link io.practicalsystems.shortener.DailyStat} as one row: clicks of one link on one (UTC) day from one referrer
 * host and user-agent family — the rollup's output.
 */
@Entity
@Table(name = "SHORTENER_DAILY_STAT")
public class StoredDailyStat {

    @EmbeddedId
    private StoredDailyStatKey key;

    @Column(name = "CLICKS", nullable = false)
    private long clicks;

    protected StoredDailyStat() {
    }

    public StoredDailyStat(StoredDailyStatKey key, long clicks) {
        this.key = key;
        this.clicks = clicks;
    }

    public void add(long more) {
        clicks += more;
    }

    public StoredDailyStatKey key() {
        return key;
    }

    public long clicks() {
        return clicks;
    }
}
