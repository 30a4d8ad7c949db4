package io.practicalsystems.kv.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The deterministic simulation over many seeds. Each seed is one schedule of client operations, crashes, restarts,
 * partitions and message loss (see {@link SimRun}); a failing seed's message names it, and
 * {@code -Dkv.sim.seed=N} runs just that one ({@code -Dkv.sim.seeds=N} runs N seeds, from 1 or from
 * {@code -Dkv.sim.from}).
 */
class RandomSchedulesTest {

    private static final String REPLAY = System.getProperty("kv.sim.seed");
    private static final int SEEDS = Integer.getInteger("kv.sim.seeds", 200);
    private static final long FIRST = Long.getLong("kv.sim.from", 1);

    @TestFactory
    Stream<DynamicTest> everySeededScheduleKeepsAcknowledgedWritesAndConverges() {
        LongStream seeds = REPLAY != null ? LongStream.of(Long.parseLong(REPLAY))
                : LongStream.range(FIRST, FIRST + SEEDS);
        return seeds.mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed, () -> {
            SimRun.Result result = SimRun.run(seed);
            assertThat(result.violations()).as(result.report()).isEmpty();
        }));
    }

    /** The schedules must actually exercise what they claim to test, or a green run proves little. */
    @Test
    void schedulesExerciseEveryMechanism() {
        Map<String, Long> totals = new TreeMap<>();
        for (long seed = 1; seed <= 16; seed++) {
            SimRun.run(seed).stats().forEach((name, value) -> totals.merge(name, value, Long::sum));
        }
        assertThat(totals).as("totals over seeds 1..16: %s", totals)
                .containsKeys("acknowledgedWrites", "hintsStored");
        for (String mechanism : new String[] {"acknowledgedWrites", "unknownWrites", "readsWithSiblings",
                "finalSiblingKeys", "hintsStored", "hintsDelivered", "readRepairs", "antiEntropyKeysPulled",
                "antiEntropyKeysPushed", "forwardedWrites", "keysHandedOff", "messagesLost"}) {
            assertThat(totals.get(mechanism)).as("%s over seeds 1..16 (%s)", mechanism, totals).isPositive();
        }
    }
}
