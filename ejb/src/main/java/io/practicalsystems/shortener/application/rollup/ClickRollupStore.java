package io.practicalsystems.shortener.application.rollup;

import io.practicalsystems.shortener.ClickBatch;
import io.practicalsystems.shortener.DailyRollup;
import io.practicalsystems.shortener.DailyStat;
import io.practicalsystems.shortener.application.clicks.StoredClickBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The SQL side of the {@code click-rollup} job. Every method joins the caller's (the batch chunk's)
 * transaction, so a chunk's added counts and its checkpoint commit together — the reason a restarted job
 * never counts a click twice.
 */
@ApplicationScoped
public class ClickRollupStore {

    @PersistenceContext(unitName = "practical")
    EntityManager em;

    /** Forget a previous rollup of the day: a rerun recomputes it from the raw events. */
    public void clear(LocalDate day) {
        em.createQuery("DELETE FROM StoredDailyStat s WHERE s.key.clickDay = :day").setParameter("day", day)
                .executeUpdate();
        em.createQuery("DELETE FROM RolledUpDay d WHERE d.clickDay = :day").setParameter("day", day).executeUpdate();
    }

    /** The next page of the day's raw click batches, in batch-ID order, after {@code afterBatchId} (null = from the start). */
    public List<ClickBatch> page(LocalDate day, String afterBatchId, int size) {
        return em.createQuery("SELECT b FROM StoredClickBatch b WHERE b.clickDay = :day AND b.batchId > :after"
                        + " ORDER BY b.batchId", StoredClickBatch.class)
                .setParameter("day", day).setParameter("after", afterBatchId == null ? "" : afterBatchId)
                .setMaxResults(size).getResultStream().map(StoredClickBatch::toBatch).toList();
    }

    /** Adds a chunk's counts to the day's stored counts (equal keys summed first: one row update each). */
    public void add(List<DailyStat> counts) {
        for (DailyStat stat : DailyRollup.merge(counts, List.of())) {
            StoredDailyStatKey key = new StoredDailyStatKey(stat.code(), stat.day(), stat.referrerHost(), stat.agentFamily());
            StoredDailyStat stored = em.find(StoredDailyStat.class, key);
            if (stored == null) {
                em.persist(new StoredDailyStat(key, stat.clicks()));
            } else {
                stored.add(stat.clicks());
            }
        }
    }

    /** Marks the day rolled up; stats then read it from SQL instead of the live counters. */
    public long markRolledUp(LocalDate day) {
        Long summed = em.createQuery("SELECT SUM(b.eventCount) FROM StoredClickBatch b WHERE b.clickDay = :day",
                Long.class).setParameter("day", day).getSingleResult();
        long events = summed == null ? 0 : summed;
        RolledUpDay done = em.find(RolledUpDay.class, day);
        if (done == null) {
            em.persist(new RolledUpDay(day, events, Instant.now()));
        } else {
            done.completed(events, Instant.now());
        }
        return events;
    }
}
