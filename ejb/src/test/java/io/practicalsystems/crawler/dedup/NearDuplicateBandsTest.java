package io.practicalsystems.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicateBandsTest {

    @Test
    void fingerprintsWithinTheDistanceShareABandKey() {
        qt().forAll(longs().all(), integers().between(0, NearDuplicateBands.MAX_DISTANCE_LIMIT),
                Gens.listsOf(integers().between(0, 63), 0, NearDuplicateBands.MAX_DISTANCE_LIMIT))
                .checkAssert((simHash, maxDistance, bits) -> {
                    long flipped = simHash;
                    for (int bit : bits.subList(0, Math.min(bits.size(), maxDistance))) {
                        flipped ^= 1L << bit; // flipping a bit twice undoes it: at most maxDistance bits differ
                    }
                    NearDuplicateBands bands = new NearDuplicateBands(maxDistance);
                    Set<String> shared = new HashSet<>(bands.keys(simHash));
                    shared.retainAll(bands.keys(flipped));

                    assertThat(shared).isNotEmpty();
                    assertThat(bands.shareBand(simHash, flipped)).isTrue();
                });
    }

    @Test
    void bandsCoverAllBitsSoOneDifferenceInEveryBandSharesNone() {
        NearDuplicateBands bands = new NearDuplicateBands(3);
        long differentInEveryBand = (1L) | (1L << 16) | (1L << 32) | (1L << 48);

        assertThat(bands.bands()).isEqualTo(4);
        assertThat(bands.shareBand(0L, differentInEveryBand)).isFalse();
        assertThat(bands.keys(0L)).isEqualTo(List.of("0:0", "1:0", "2:0", "3:0"));
        assertThat(bands.keys(-1L)).isEqualTo(List.of("0:ffff", "1:ffff", "2:ffff", "3:ffff"));
    }

    @Test
    void unevenBandsUseEveryBitOnce() {
        NearDuplicateBands bands = new NearDuplicateBands(2); // 22 + 21 + 21 bits

        assertThat(bands.keys(-1L)).isEqualTo(List.of("0:3fffff", "1:1fffff", "2:1fffff"));
        assertThat(bands.keys(1L << 63)).isEqualTo(List.of("0:0", "1:0", "2:100000"));
        assertThat(new NearDuplicateBands(0).keys(-1L)).isEqualTo(List.of("0:ffffffffffffffff"));
    }

    @Test
    void rejectsDistancesThatWouldMakeBandsUseless() {
        assertThatThrownBy(() -> new NearDuplicateBands(16)).hasMessageContaining("0 to 15 bits");
        assertThatThrownBy(() -> new NearDuplicateBands(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
