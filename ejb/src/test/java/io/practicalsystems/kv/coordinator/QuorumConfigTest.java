package io.practicalsystems.kv.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuorumConfigTest {

    private final QuorumConfig cluster = new QuorumConfig(3, 2, 2, QuorumMode.STRICT);

    @ParameterizedTest
    @CsvSource({"0,1,1,'N (replicas per key) must be >= 1, got 0'", "3,0,2,'R must be 1..N (3), got 0'",
            "3,4,2,'R must be 1..N (3), got 4'", "3,2,0,'W must be 1..N (3), got 0'",
            "3,2,4,'W must be 1..N (3), got 4'"})
    void rejectsImpossibleQuorums(int n, int r, int w, String message) {
        assertThatThrownBy(() -> new QuorumConfig(n, r, w, QuorumMode.STRICT))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    void parsesTheNrwForm() {
        assertThat(QuorumConfig.parse(" 3/2/2 ", QuorumMode.SLOPPY))
                .isEqualTo(new QuorumConfig(3, 2, 2, QuorumMode.SLOPPY));
        assertThat(cluster.spec()).isEqualTo("3/2/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3/2", "3/2/x", "3/2/2/1"})
    void rejectsMalformedSpecs(String spec) {
        assertThatThrownBy(() -> QuorumConfig.parse(spec, QuorumMode.STRICT))
                .hasMessage("quorum must look like 3/2/2 (N/R/W), got '" + spec + "'");
    }

    @Test
    void requestOverridesReplaceROrWWithinN() {
        assertThat(cluster.with(RequestOverrides.none())).isEqualTo(cluster);
        assertThat(cluster.with(RequestOverrides.r(1))).isEqualTo(new QuorumConfig(3, 1, 2, QuorumMode.STRICT));
        assertThat(cluster.with(RequestOverrides.w(3))).isEqualTo(new QuorumConfig(3, 2, 3, QuorumMode.STRICT));
        assertThatThrownBy(() -> cluster.with(RequestOverrides.w(4)))
                .hasMessage("per-request R and W must be 1..N (3), got R=2, W=4");
    }

    @Test
    void saysWhetherReadsOverlapWrites() {
        assertThat(cluster.readsOverlapWrites()).isTrue();
        assertThat(cluster.with(RequestOverrides.r(1)).readsOverlapWrites()).isFalse();
    }
}
