package io.practicalsystems.kv.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The anti-entropy pace setting: a negative one stops the node from starting, and the logged reason names it. */
class KvSettingsPaceTest {

    @Test
    void zeroMeansUnpacedAndANegativePaceIsRefusedByName() {
        KvSettings settings = new KvSettings();
        settings.antiEntropyKeysPerSecond = 0;
        assertThat(settings.antiEntropyKeysPerSecond()).isZero();

        settings.antiEntropyKeysPerSecond = -5;
        assertThatThrownBy(settings::antiEntropyKeysPerSecond).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ps.kv.anti-entropy.keys-per-second");
    }
}
