package io.practicalsystems.shortener;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;

/**
 * Clicks on one link on one day from one referrer host and user-agent family: one row of the rolled-up statistics.
 * The first four components are the key; {@link DailyRollup#merge} sums {@code clicks} of rows with equal keys.
 *
 * @param day calendar day in the zone the rollup was computed in
 */
public record DailyStat(String code, LocalDate day, String referrerHost, String agentFamily, long clicks) {

    /** The order {@link DailyRollup} returns rows in: by key, so results compare equal as lists. */
    public static final Comparator<DailyStat> BY_KEY = Comparator.comparing(DailyStat::code)
            .thenComparing(DailyStat::day)
            .thenComparing(DailyStat::referrerHost)
            .thenComparing(DailyStat::agentFamily);

    public DailyStat {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(referrerHost, "referrerHost");
        Objects.requireNonNull(agentFamily, "agentFamily");
        if (clicks < 0) {
            throw new IllegalArgumentException("clicks must be >= 0, got " + clicks);
        }
    }

    Key key() {
        return new Key(code, day, referrerHost, agentFamily);
    }

    record Key(String code, LocalDate day, String referrerHost, String agentFamily) {
    }
}
