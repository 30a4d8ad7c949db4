package io.practicalsystems.idgen.bench;

import io.practicalsystems.idgen.IdLayout;
import io.practicalsystems.idgen.InMemoryHighWaterMarkStore;
import io.practicalsystems.idgen.MillisClock;
import io.practicalsystems.idgen.SnowflakeGenerator;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of {@link SnowflakeGenerator} on one shared generator, in IDs per second.
 *
 * <p>With the default layout 41/10/12 a worker can issue at most 4096 IDs per millisecond, i.e. 4,096,000 IDs/s, and
 * the generator never borrows future milliseconds, so that is a hard ceiling: once a call is cheaper than ~244 ns the
 * score is bounded by the layout, not by the code, and callers spend the rest of each millisecond spinning. The
 * {@code layout} parameter also accepts a wide-sequence layout (e.g. {@code 33/8/22}, 4,194,304 IDs per ms) whose
 * ceiling is out of reach, to show the raw per-call cost of the CAS loop (the "headroom" below the default ceiling).
 *
 * <p>Every benchmark reports IDs/s: the batch benchmarks use {@link OperationsPerInvocation} so one invocation of
 * {@code nextIds(1000)} counts as 1000 operations. Run with {@code bench/run-jmh.sh}, never during the build.
 */
@State(Scope.Benchmark) // one generator shared by all benchmark threads: they contend on its single CAS word
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SnowflakeGeneratorBenchmark {

    static final int BATCH = 1000;

    /** Same value as the application's default {@code ps.idgen.epoch}. */
    static final long DEFAULT_EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    @Param({"41/10/12"})
    public String layout;

    SnowflakeGenerator generator;

    @Setup
    public void setUp() {
        IdLayout idLayout = IdLayout.parse(layout);
        // Short timestamp fields (33 bits ~ 99 days) would be exhausted from a 2026 epoch; start those from "now".
        long epoch = idLayout.timestampBits() >= 41 ? DEFAULT_EPOCH_MILLIS : System.currentTimeMillis() - 1000;
        generator = new SnowflakeGenerator(idLayout, epoch, 1, MillisClock.system(), 5,
                new InMemoryHighWaterMarkStore(), 1000);
    }

    @Benchmark
    @Threads(1)
    public long nextId_1thread() {
        return generator.nextId();
    }

    @Benchmark
    @Threads(2)
    public long nextId_2threads() {
        return generator.nextId();
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(BATCH)
    public long[] nextIds1000_1thread() {
        return generator.nextIds(BATCH);
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(BATCH)
    public long[] nextIds1000_2threads() {
        return generator.nextIds(BATCH);
    }
}
