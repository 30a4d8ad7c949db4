package io.practicalsystems.idgen.batch;

import io.practicalsystems.idgen.application.RedisLeaseStore;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Job {@code idgen-lease-report}: lists which instance holds which worker ID right now (SCAN, never KEYS, so
 * a large keyspace is not blocked). Exit status {@code LEASES=<n>}; the holders are logged.
 */
@Named("workerLeaseReportBatchlet")
@Dependent
public class WorkerLeaseReportBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(WorkerLeaseReportBatchlet.class.getName());

    @Inject
    UnifiedJedis redis;

    @Inject
    JobContext job;

    @Override
    public String process() {
        Map<Integer, String> holders = new TreeMap<>();
        ScanParams match = new ScanParams().match(RedisLeaseStore.KEY_PREFIX + "*").count(500);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            for (String key : page.getResult()) {
                String owner = redis.get(key);
                if (owner != null) {
                    holders.put(Integer.parseInt(key.substring(RedisLeaseStore.KEY_PREFIX.length())), owner);
                }
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        holders.forEach((worker, owner) -> LOG.info("worker " + worker + " leased by " + owner));
        String status = "LEASES=" + holders.size();
        job.setExitStatus(status);
        return status;
    }
}
