package io.practicalsystems.crawler.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The filter's false-positive rate measured against the configured one, in memory (the same bit positions the offer
 * script sets and tests): fill it with {@code n} URLs, probe {@code probes} URLs never added, count those every bit
 * of which is set. Fixed URL sets, so the trial is deterministic; the tolerance is what sampling allows (four
 * standard deviations of the probe count) plus 15 % for the rounding of m and k.
 */
class SeenBloomFilterTest {

    @ParameterizedTest(name = "n = {0}, p = {1}")
    @CsvSource({"1000, 0.1", "5000, 0.05", "20000, 0.01", "20000, 0.002", "50000, 0.001"})
    void theMeasuredFalsePositiveRateIsTheConfiguredOne(long n, double p) {
        SeenBloomFilter filter = new SeenBloomFilter(n, p);
        BitSet bits = new BitSet((int) filter.bits());
        for (long i = 0; i < n; i++) {
            for (String position : filter.positions("https://site-" + (i % 97) + ".test/page/" + i).split(",")) {
                bits.set(Integer.parseInt(position));
            }
        }
        int probes = 200_000;
        int falsePositives = 0;
        for (int i = 0; i < probes; i++) {
            boolean allSet = true;
            for (String position : filter.positions("https://other-" + (i % 89) + ".test/new/" + i).split(",")) {
                allSet &= bits.get(Integer.parseInt(position));
            }
            falsePositives += allSet ? 1 : 0;
        }

        double measured = (double) falsePositives / probes;
        double tolerance = 4 * Math.sqrt(p * (1 - p) / probes) + 0.15 * p;
        System.out.printf("Bloom n=%d p=%.4f: m=%d bits k=%d, measured %.5f on %d new URLs, estimated from the fill "
                + "%.5f%n", n, p, filter.bits(), filter.hashes(), measured, probes,
                filter.falsePositiveRateAt(bits.cardinality()));
        assertThat(measured).as("measured false-positive rate").isCloseTo(p, org.assertj.core.data.Offset.offset(
                tolerance));
        assertThat(filter.falsePositiveRateAt(bits.cardinality())).as("estimate from the fill")
                .isCloseTo(measured, org.assertj.core.data.Offset.offset(tolerance));
    }
}
