package io.practicalsystems.idgen.application;

import io.practicalsystems.idgen.IdLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every knob of the ID generator, from MicroProfile Config (server.xml variables, env vars such as
 * PS_IDGEN_WORKER_ID, system properties). Validated where it is turned into a generator.
 */
@ApplicationScoped
public class IdGeneratorSettings {

    @Inject
    @ConfigProperty(name = "ps.idgen.layout", defaultValue = "41/10/12")
    String layout;

    /** Custom epoch: 41 bits of milliseconds last ~69.7 years from here. */
    @Inject
    @ConfigProperty(name = "ps.idgen.epoch", defaultValue = "2026-01-01T00:00:00Z")
    String epoch;

    /** Static worker ID: skips Redis leasing entirely (the operator guarantees uniqueness). */
    @Inject
    @ConfigProperty(name = "ps.idgen.worker-id")
    Optional<Integer> staticWorkerId;

    @Inject
    @ConfigProperty(name = "ps.idgen.worker-id.min", defaultValue = "0")
    int workerIdMin;

    /** Defaults to the layout's highest worker ID. */
    @Inject
    @ConfigProperty(name = "ps.idgen.worker-id.max")
    Optional<Integer> workerIdMax;

    @Inject
    @ConfigProperty(name = "ps.idgen.lease.ttl.ms", defaultValue = "10000")
    long leaseTtlMillis;

    @Inject
    @ConfigProperty(name = "ps.idgen.lease.heartbeat.ms", defaultValue = "3000")
    long heartbeatMillis;

    @Inject
    @ConfigProperty(name = "ps.idgen.clock.backward-tolerance.ms", defaultValue = "5")
    long backwardToleranceMillis;

    @Inject
    @ConfigProperty(name = "ps.idgen.clock.max-skew.ms", defaultValue = "10000")
    long maxSkewMillis;

    /** One high-water-mark write per window; a restart may wait up to one window. */
    @Inject
    @ConfigProperty(name = "ps.idgen.hwm.window.ms", defaultValue = "1000")
    long reservationWindowMillis;

    @Inject
    @ConfigProperty(name = "ps.idgen.batch.max", defaultValue = "10000")
    int maxBatch;

    /** Allows the admin clock-step endpoint and the initial offset below; off in production. */
    @Inject
    @ConfigProperty(name = "ps.idgen.fault-injection.enabled", defaultValue = "false")
    boolean faultInjectionEnabled;

    /** Start with the generator clock shifted (experiments: "restart on a clock that is behind"). */
    @Inject
    @ConfigProperty(name = "ps.idgen.clock.offset.ms", defaultValue = "0")
    long initialClockOffsetMillis;

    public boolean faultInjectionEnabled() {
        return faultInjectionEnabled;
    }

    /** Zero unless fault injection is enabled. */
    public long initialClockOffsetMillis() {
        return faultInjectionEnabled ? initialClockOffsetMillis : 0L;
    }

    public IdLayout layout() {
        return IdLayout.parse(layout);
    }

    public long epochMillis() {
        return Instant.parse(epoch).toEpochMilli();
    }

    public Optional<Integer> staticWorkerId() {
        return staticWorkerId;
    }

    public int workerIdMin() {
        return workerIdMin;
    }

    public int workerIdMax() {
        return workerIdMax.orElse((int) layout().maxWorkerId());
    }

    public long leaseTtlMillis() {
        return leaseTtlMillis;
    }

    public long heartbeatMillis() {
        return heartbeatMillis;
    }

    public long backwardToleranceMillis() {
        return backwardToleranceMillis;
    }

    public long maxSkewMillis() {
        return maxSkewMillis;
    }

    public long reservationWindowMillis() {
        return reservationWindowMillis;
    }

    public int maxBatch() {
        return maxBatch;
    }
}
