package io.practicalsystems.shortener.application.rollup;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** The key of a {@link StoredDailyStat}: code, UTC day, referrer host, agent family. */
@Embeddable
public class StoredDailyStatKey implements Serializable {

    @Column(name = "CODE", length = 32)
    private String code;

    @Column(name = "CLICK_DAY")
    private LocalDate clickDay;

    @Column(name = "REFERRER_HOST")
    private String referrerHost;

    @Column(name = "AGENT_FAMILY", length = 16)
    private String agentFamily;

    protected StoredDailyStatKey() {
    }

    public StoredDailyStatKey(String code, LocalDate clickDay, String referrerHost, String agentFamily) {
        this.code = code;
        this.clickDay = clickDay;
        this.referrerHost = referrerHost;
        this.agentFamily = agentFamily;
    }

    public String code() {
        return code;
    }

    public LocalDate clickDay() {
        return clickDay;
    }

    public String referrerHost() {
        return referrerHost;
    }

    public String agentFamily() {
        return agentFamily;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredDailyStatKey k && Objects.equals(code, k.code) && Objects.equals(clickDay, k.clickDay)
                && Objects.equals(referrerHost, k.referrerHost) && Objects.equals(agentFamily, k.agentFamily);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, clickDay, referrerHost, agentFamily);
    }
}
