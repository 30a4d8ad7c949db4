package io.practicalsystems.shortener.application;

import io.practicalsystems.shortener.DailyStat;
import io.practicalsystems.shortener.LinkStats;
import io.practicalsystems.shortener.application.clicks.LiveClickCounters;
import io.practicalsystems.shortener.application.rollup.StoredDailyStat;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stats of a link = rolled-up days from SQL + days not rolled up yet from the live Redis counters (today, and
 * yesterday until the nightly rollup has run). Reading stats never records a click.
 */
@Stateless
public class StatsService {

    /** How many referrer hosts and agent families the stats list. */
    static final int TOP_N = 10;
    /** Live counters are kept this many days back, so a late rollup still finds them. */
    static final int LIVE_DAYS = 2;

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    @Inject
    LinkService links;

    @Inject
    LiveClickCounters live;

    public LinkStats stats(String code) {
        links.get(code); // 404 for unknown or deleted codes
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try {
            List<DailyStat> rows = em.createQuery(
                            "SELECT s FROM StoredDailyStat s WHERE s.key.code = :code", StoredDailyStat.class)
                    .setParameter("code", code).getResultList().stream()
                    .map(s -> new DailyStat(s.key().code(), s.key().clickDay(), s.key().referrerHost(),
                            s.key().agentFamily(), s.clicks()))
                    .toList();
            Set<LocalDate> rolledUp = em.createQuery("SELECT d.clickDay FROM RolledUpDay d WHERE d.clickDay >= :from",
                            LocalDate.class).setParameter("from", today.minusDays(LIVE_DAYS)).getResultStream()
                    .collect(Collectors.toSet());
            List<LocalDate> notRolledUp = new ArrayList<>();
            for (int back = LIVE_DAYS; back >= 0; back--) {
                LocalDate day = today.minusDays(back);
                if (back == 0 || !rolledUp.contains(day)) {
                    notRolledUp.add(day);
                }
            }
            return LinkStats.combine(code, rows, live.days(code, notRolledUp), today, TOP_N);
        } catch (PersistenceException e) {
            throw new ShortenerExceptions.StorageUnavailable("click statistics unavailable", e);
        }
    }
}
