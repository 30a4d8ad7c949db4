package io.practicalsystems.shortener.batch;

import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Properties;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Starts {@code click-rollup} for yesterday shortly after midnight UTC. With several servers only one runs it:
 * a Redis lock per day decides (a rerun would be harmless — the job recomputes — but wasteful).
 */
@Singleton
public class ClickRollupScheduler {

    private static final Logger LOG = Logger.getLogger(ClickRollupScheduler.class.getName());

    @Inject
    UnifiedJedis redis;

    @Schedule(hour = "0", minute = "10", timezone = "UTC", persistent = false)
    void rollUpYesterday() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        try {
            if (!"OK".equals(redis.set("sh:rollup-lock:" + day, "1", SetParams.setParams().nx().ex(6 * 3600)))) {
                return; // another server took it
            }
        } catch (RuntimeException e) {
            LOG.warning("rollup lock unavailable (" + e.getMessage() + "); running the rollup anyway");
        }
        Properties parameters = new Properties();
        parameters.setProperty(RollupDay.PARAMETER, day.toString());
        long execution = BatchRuntime.getJobOperator().start("click-rollup", parameters);
        LOG.info("click-rollup started for " + day + " (execution " + execution + ")");
    }
}
