package io.practicalsystems.idgen.application;

import io.practicalsystems.idgen.ClockMovedBackwardsException;
import io.practicalsystems.idgen.ClockSkewCheck;
import io.practicalsystems.idgen.DecodedId;
import io.practicalsystems.idgen.IdLayout;
import io.practicalsystems.idgen.NoWorkerIdAvailableException;
import io.practicalsystems.idgen.SnowflakeGenerator;
import io.practicalsystems.idgen.WorkerLease;
import io.practicalsystems.platform.messaging.PlatformEvents;
import io.practicalsystems.platform.redis.RedisBackend;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ID generator of this server: holds a worker-ID lease (or a static worker ID), keeps it renewed on a
 * heartbeat, and issues IDs only while the lease is held (fencing). Start-up problems — clock skew against
 * Redis TIME, all worker IDs leased, Redis unreachable — leave it unavailable with the reason (503 +
 * readiness DOWN) and it retries on every heartbeat rather than taking the other systems of the EAR down.
 *
 * <p>Bean-managed concurrency: the generator is lock-free and the lease is thread-safe, so the container's
 * singleton lock would only serialise callers.
 */
@Singleton(name = "IdGeneratorService")
@Startup
@DependsOn({"RedisBackend", "SchemaMigrations"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class IdGeneratorService {

    private static final Logger LOG = Logger.getLogger(IdGeneratorService.class.getName());

    /** A lease and the generator bound to its worker ID; replaced as a whole when the lease is re-acquired. */
    private record Active(WorkerLease lease, SnowflakeGenerator generator) {
    }

    @Inject
    IdGeneratorSettings settings;

    @EJB
    RedisBackend redis;

    @EJB
    HighWaterMarkRepository highWaterMarks;

    @Inject
    PlatformEvents events;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final SteppableClock clock = new SteppableClock();
    private final String owner = LeaseOwner.describe();
    private IdLayout layout;
    private long epochMillis;
    private volatile Active active;
    private volatile String unavailableReason = "starting";
    private ScheduledFuture<?> heartbeat;

    @PostConstruct
    void start() {
        layout = settings.layout();
        epochMillis = settings.epochMillis();
        if (settings.initialClockOffsetMillis() != 0) {
            stepClock(settings.initialClockOffsetMillis());
        }
        activate();
        heartbeat = scheduler.scheduleWithFixedDelay(this::heartbeat, settings.heartbeatMillis(),
                settings.heartbeatMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        Active current = active;
        active = null;
        if (current != null && !current.lease().isFixed()) {
            try {
                current.lease().release();
            } catch (RuntimeException e) {
                LOG.fine("lease release on shutdown failed (it will expire): " + e);
            }
        }
    }

    /** No transaction: issuing touches no transactional resource (high-water marks commit on their own), and an
     * empty JTA transaction per ID cost ~10 µs of CPU — measured, docs/bench-idgen-results.md. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long next() {
        Active current = requireActive();
        try {
            return current.generator().nextId();
        } catch (ClockMovedBackwardsException e) {
            throw clockBehind(e);
        } catch (HighWaterMarkUnavailableException e) {
            throw new IdGeneratorUnavailableException(e.getMessage(), 1);
        }
    }

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public long[] next(int count) {
        Active current = requireActive();
        try {
            return current.generator().nextIds(count);
        } catch (ClockMovedBackwardsException e) {
            throw clockBehind(e);
        } catch (HighWaterMarkUnavailableException e) {
            throw new IdGeneratorUnavailableException(e.getMessage(), 1);
        }
    }

    /** Decoding needs only the layout and epoch, so it works even while issuing is refused. */
    public DecodedId decode(long id) {
        return layout.decode(id);
    }

    public long epochMillis() {
        return epochMillis;
    }

    public int maxBatch() {
        return settings.maxBatch();
    }

    public boolean isReady() {
        Active current = active;
        return current != null && current.lease().isHeld();
    }

    /** Why IDs are refused right now, or null when ready. */
    public String unavailableReason() {
        Active current = active;
        if (current != null && !current.lease().isHeld()) {
            return fencedReason(current);
        }
        return current != null ? null : unavailableReason;
    }

    public GeneratorInfo info() {
        Active current = active;
        Integer workerId = current == null ? null : current.lease().workerId().orElse(-1);
        String source = current == null ? "none" : current.lease().isFixed() ? "static (config)" : "redis lease";
        String expiry = current == null || current.lease().isFixed() ? null
                : Instant.now().plusMillis(current.lease().remainingValidityMillis()).toString();
        long last = current == null ? 0 : current.generator().lastTimestampMillis();
        String status = isReady() ? "ready" : unavailableReason();
        return new GeneratorInfo(isReady(), status, workerId, source, expiry, layout.spec(), layout.timestampBits(),
                layout.workerBits(), layout.sequenceBits(), Instant.ofEpochMilli(epochMillis).toString(), epochMillis,
                last, clock.offsetMillis());
    }

    /** Fault injection for the clock-step experiment: shifts this generator's clock by {@code offsetMillis}. */
    public boolean faultInjectionEnabled() {
        return settings.faultInjectionEnabled();
    }

    public void stepClock(long offsetMillis) {
        clock.setOffsetMillis(offsetMillis);
        LOG.warning("idgen clock offset set to " + offsetMillis + " ms by an administrator");
    }

    private Active requireActive() {
        Active current = active;
        if (current == null) {
            throw new IdGeneratorUnavailableException(unavailableReason, retrySeconds());
        }
        if (!current.lease().isHeld()) {
            throw new IdGeneratorUnavailableException(fencedReason(current), retrySeconds());
        }
        return current;
    }

    private static String fencedReason(Active current) {
        return "the lease on worker ID " + current.lease().workerId().orElse(-1)
                + " could not be renewed in time; not issuing IDs until a lease is held again (fencing)";
    }

    private IdGeneratorUnavailableException clockBehind(ClockMovedBackwardsException e) {
        long seconds = (e.retryAfterMillis() + 999) / 1000;
        return new IdGeneratorUnavailableException(e.getMessage(), seconds);
    }

    private long retrySeconds() {
        return Math.max(1, (settings.heartbeatMillis() + 999) / 1000);
    }

    /** Heartbeat: renew the lease; if it is lost, drop the generator and try to get a (possibly new) worker ID. */
    private void heartbeat() {
        try {
            Active current = active;
            if (current == null) {
                activate();
            } else if (!current.lease().isFixed() && !current.lease().renew() && !current.lease().isHeld()) {
                LOG.warning(fencedReason(current));
                active = null;
                unavailableReason = fencedReason(current);
                events.publish("idgen", "lease on worker " + current.lease().workerId().orElse(-1) + " lost");
                activate();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "idgen heartbeat failed", e);
        }
    }

    private void activate() {
        try {
            WorkerLease lease = settings.staticWorkerId().isPresent() ? staticLease() : leaseFromRedis();
            int workerId = lease.workerId().orElseThrow();
            SnowflakeGenerator generator = generatorFor(lease, workerId);
            active = new Active(lease, generator);
            unavailableReason = null;
            LOG.info("idgen: issuing IDs as worker " + workerId + " (" + (lease.isFixed() ? "static" : "leased as "
                    + owner) + "), layout " + layout.spec() + ", epoch " + Instant.ofEpochMilli(epochMillis));
            events.publish("idgen", "worker " + workerId + " active on " + owner);
        } catch (NoWorkerIdAvailableException | IllegalStateException | IllegalArgumentException e) {
            refuse(e.getMessage(), null);
        } catch (RuntimeException e) {
            refuse("cannot start the ID generator; the server log says why", e);
        }
    }

    /** Builds the generator for a fresh lease; gives the lease back if that fails, so no worker ID leaks. */
    private SnowflakeGenerator generatorFor(WorkerLease lease, int workerId) {
        try {
            return new SnowflakeGenerator(layout, epochMillis, workerId, clock, settings.backwardToleranceMillis(),
                    new SqlHighWaterMarkStore(highWaterMarks, workerId), settings.reservationWindowMillis());
        } catch (RuntimeException e) {
            if (!lease.isFixed()) {
                lease.release();
            }
            throw e;
        }
    }

    private WorkerLease staticLease() {
        int workerId = settings.staticWorkerId().orElseThrow();
        if (workerId < 0 || workerId > layout.maxWorkerId()) {
            throw new IllegalArgumentException("ps.idgen.worker-id " + workerId + " is outside 0.."
                    + layout.maxWorkerId() + " for layout " + layout.spec());
        }
        return WorkerLease.fixed(workerId);
    }

    private WorkerLease leaseFromRedis() {
        // Refuse before taking a lease: a skewed clock would issue IDs out of order with every other worker.
        ClockSkewCheck.verify(clock.millis(), RedisLeaseStore.redisTimeMillis(redis.client()),
                settings.maxSkewMillis(), "Redis TIME");
        WorkerLease lease = new WorkerLease(new RedisLeaseStore(redis.client()), owner, settings.workerIdMin(),
                Math.min(settings.workerIdMax(), (int) layout.maxWorkerId()), settings.leaseTtlMillis(), System::nanoTime);
        lease.acquire();
        return lease;
    }

    private void refuse(String reason, Throwable cause) {
        boolean changed = !reason.equals(unavailableReason);
        unavailableReason = reason;
        if (changed) {
            LOG.log(Level.SEVERE, "idgen: not issuing IDs: " + reason, cause);
        }
    }
}
