package io.practicalsystems.shortener.application;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Clicks of one link on one (UTC) day from one referrer host and user-agent family — the rollup's output. */
@Entity
@Table(name = "SHORTENER_DAILY_STAT")
public class DailyLinkStat {

    @EmbeddedId
    private DailyLinkStatKey key;

    @Column(name = "CLICKS", nullable = false)
    private long clicks;

    protected DailyLinkStat() {
    }

    public DailyLinkStat(DailyLinkStatKey key, long clicks) {
        this.key = key;
        this.clicks = clicks;
    }

    public void add(long more) {
        clicks += more;
    }

    public DailyLinkStatKey key() {
        return key;
    }

    public long clicks() {
        return clicks;
    }
}
