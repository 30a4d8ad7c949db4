package io.practicalsystems.kv.membership;

import io.practicalsystems.kv.ring.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The phi accrual failure detector (Hayashi, Défago et al. 2004; as in Akka and Cassandra): instead of a yes/no
 * timeout, a suspicion level phi that grows the longer a node's next heartbeat is overdue, measured against the
 * node's own recent rhythm. {@code phi = -log10(P(a heartbeat arrives later than now))}: phi 1 means a 10% chance
 * that the node is fine and merely late, phi 5 a 0.001% chance.
 *
 * <p><b>Distribution: normal</b>, with Akka's logistic approximation of its tail,
 * {@code P(later) ≈ 1 / (1 + e^{y(1.5976 + 0.070566 y²)})}, {@code y = (t - mean) / stddev}. Normal rather than
 * Cassandra's exponential ({@code phi = t / (mean · ln 10)}) because the normal model uses the variance: a node whose
 * heartbeats arrive like clockwork is suspected sooner than one whose arrivals already jitter, while the
 * exponential model treats both alike. Heartbeats here arrive by gossip, so their rhythm is irregular (one to a few
 * gossip rounds); the two settings Akka adds make the normal model robust to that:
 * <ul>
 * <li>{@code minStdDeviation} floors the deviation, so a run of very regular arrivals does not make the
 * detector hair-trigger;</li>
 * <li>{@code acceptableHeartbeatPause} is added to the mean: that much extra silence (a GC pause, a slow gossip
 * path) costs almost no phi.</li>
 * </ul>
 * With the defaults (mean ≈ 1 s, pause 3 s, deviation ≥ 0.5 s) phi reaches 5 about 6 s and 12 about 7 s after the
 * last heartbeat. The phi formula is evaluated as {@code log10(1 + e^z)} in a form that cannot overflow, so phi is
 * always finite (it is shown in the cluster view and serialised as JSON).
 *
 * <p><b>Bootstrap.</b> The first heartbeat of a node seeds its window with two intervals,
 * {@code estimate ± estimate/4} (Akka's rule), so phi is meaningful from the start without a long learning phase.
 *
 * <p><b>Pure.</b> No clock: every call passes the time. An arrival at or before the previous one adds nothing (the
 * same gossip wave seen twice); the interval that ends a {@link Reachability#DEAD} period is not recorded, so an
 * outage or partition does not inflate the mean and make the detector sluggish afterwards. Not thread-safe;
 * {@link GossipMembership} calls it under its lock.
 */
public final class PhiAccrualFailureDetector {

    /**
     * @param maxSampleSize            intervals kept per node (the window)
     * @param minStdDeviation          floor for the standard deviation, > 0
     * @param acceptableHeartbeatPause extra silence added to the mean, >= 0
     * @param firstHeartbeatEstimate   assumed mean interval before any was measured, > 0
     * @param suspectPhi               phi at which a node becomes {@link Reachability#SUSPECT}
     * @param deadPhi                  phi at which a node becomes {@link Reachability#DEAD}, >= suspectPhi
     */
    public record Settings(int maxSampleSize, Duration minStdDeviation, Duration acceptableHeartbeatPause,
                           Duration firstHeartbeatEstimate, double suspectPhi, double deadPhi) {

        public Settings {
            Objects.requireNonNull(minStdDeviation, "minStdDeviation");
            Objects.requireNonNull(acceptableHeartbeatPause, "acceptableHeartbeatPause");
            Objects.requireNonNull(firstHeartbeatEstimate, "firstHeartbeatEstimate");
            if (maxSampleSize < 1) {
                throw new IllegalArgumentException("maxSampleSize must be >= 1, got " + maxSampleSize);
            }
            if (minStdDeviation.toMillis() < 1) {
                throw new IllegalArgumentException("minStdDeviation must be >= 1ms, got " + minStdDeviation);
            }
            if (acceptableHeartbeatPause.isNegative()) {
                throw new IllegalArgumentException("acceptableHeartbeatPause must be >= 0, got "
                        + acceptableHeartbeatPause);
            }
            if (firstHeartbeatEstimate.toMillis() < 1) {
                throw new IllegalArgumentException("firstHeartbeatEstimate must be >= 1ms, got "
                        + firstHeartbeatEstimate);
            }
            if (!(suspectPhi > 0) || !(deadPhi >= suspectPhi) || Double.isInfinite(deadPhi)) {
                throw new IllegalArgumentException("thresholds must satisfy 0 < suspectPhi <= deadPhi < infinity, got "
                        + suspectPhi + " and " + deadPhi);
            }
        }

        /** Window 1000, deviation >= 500 ms, pause 3 s, first estimate 1 s, suspect at phi 5, dead at phi 12. */
        public static Settings defaults() {
            return new Settings(1000, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(1), 5.0,
                    12.0);
        }

        public Settings withThresholds(double suspect, double dead) {
            return new Settings(maxSampleSize, minStdDeviation, acceptableHeartbeatPause, firstHeartbeatEstimate,
                    suspect, dead);
        }

        public Reachability classify(double phi) {
            if (phi >= deadPhi) {
                return Reachability.DEAD;
            }
            return phi >= suspectPhi ? Reachability.SUSPECT : Reachability.ALIVE;
        }
    }

    private static final double LN_10 = Math.log(10);

    /** One monitored node: its interval window and when its latest heartbeat arrived. */
    private static final class Monitored {
        final HeartbeatHistory history;
        Instant lastArrival;

        Monitored(HeartbeatHistory history, Instant lastArrival) {
            this.history = history;
            this.lastArrival = lastArrival;
        }
    }

    private final Settings settings;
    private final Map<NodeId, Monitored> monitored = new HashMap<>();

    public PhiAccrualFailureDetector(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public Settings settings() {
        return settings;
    }

    /** Records a heartbeat of {@code node} arriving at {@code at}; the first one starts monitoring it. */
    public void heartbeat(NodeId node, Instant at) {
        Monitored state = monitored.get(node);
        if (state == null) {
            monitored.put(node, bootstrap(at));
            return;
        }
        if (!at.isAfter(state.lastArrival)) {
            return;
        }
        if (reachability(state, at) != Reachability.DEAD) {
            state.history.add(Duration.between(state.lastArrival, at).toMillis());
        }
        state.lastArrival = at;
    }

    /** Forgets {@code node}'s history and starts again from a first heartbeat at {@code at}: it restarted. */
    public void restart(NodeId node, Instant at) {
        monitored.put(node, bootstrap(at));
    }

    public void remove(NodeId node) {
        monitored.remove(node);
    }

    public boolean isMonitoring(NodeId node) {
        return monitored.containsKey(node);
    }

    /** Suspicion of {@code node} at {@code now}; 0 for a node never heard from (nothing is overdue yet). */
    public double phi(NodeId node, Instant now) {
        Monitored state = monitored.get(node);
        return state == null ? 0.0 : phi(state, now);
    }

    public Reachability reachability(NodeId node, Instant now) {
        return settings.classify(phi(node, now));
    }

    private Reachability reachability(Monitored state, Instant now) {
        return settings.classify(phi(state, now));
    }

    private double phi(Monitored state, Instant now) {
        double sinceLast = Duration.between(state.lastArrival, now).toMillis();
        double mean = state.history.mean() + settings.acceptableHeartbeatPause().toMillis();
        double deviation = Math.max(state.history.standardDeviation(), settings.minStdDeviation().toMillis());
        return phi(sinceLast, mean, deviation);
    }

    private Monitored bootstrap(Instant at) {
        HeartbeatHistory history = new HeartbeatHistory(settings.maxSampleSize());
        long estimate = settings.firstHeartbeatEstimate().toMillis();
        long deviation = estimate / 4;
        history.add(estimate - deviation);
        history.add(estimate + deviation);
        return new Monitored(history, at);
    }

    /**
     * {@code -log10(P(next heartbeat later than sinceLast))} under a normal distribution, logistic approximation.
     * That is {@code log10(1 + e^z)} with {@code z = y(1.5976 + 0.070566 y²)}; for large z it is computed as
     * {@code (z + log(1 + e^-z)) / ln 10} so it never overflows to infinity.
     */
    static double phi(double sinceLastMillis, double meanMillis, double deviationMillis) {
        double y = (sinceLastMillis - meanMillis) / deviationMillis;
        double z = y * (1.5976 + 0.070566 * y * y);
        double softplus = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        return softplus / LN_10;
    }
}
