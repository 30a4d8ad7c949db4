package io.practicalsystems.kv.membership;

import static io.practicalsystems.kv.membership.MemberStatus.LEAVING;
import static io.practicalsystems.kv.membership.MemberStatus.LEFT;
import static io.practicalsystems.kv.membership.MemberStatus.NORMAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.ring.NodeId;
import org.junit.jupiter.api.Test;

class MemberInfoTest {

    private static final NodeId A = NodeId.of("a");

    static MemberInfo row(long generation, long heartbeat, MemberStatus status) {
        return new MemberInfo(A, "http://127.0.0.1:9081", 8, generation, heartbeat, status);
    }

    @Test
    void aHigherHeartbeatOfTheSameGenerationWins() {
        assertThat(row(1, 5, NORMAL).supersedes(row(1, 4, NORMAL))).isTrue();
        assertThat(row(1, 4, NORMAL).supersedes(row(1, 5, NORMAL))).isFalse();
        assertThat(row(1, 5, LEAVING).supersedes(row(1, 4, NORMAL))).isTrue();
    }

    @Test
    void anEqualVersionIsNotNewerSoMergingTwiceChangesNothing() {
        assertThat(row(1, 5, NORMAL).supersedes(row(1, 5, NORMAL))).isFalse();
    }

    @Test
    void aHigherGenerationWinsWhateverItsHeartbeat() {
        assertThat(row(2, 0, NORMAL).supersedes(row(1, 900, NORMAL))).isTrue();
        assertThat(row(1, 900, NORMAL).supersedes(row(2, 0, NORMAL))).isFalse();
    }

    @Test
    void leftIsStickyWithinItsGeneration() {
        assertThat(row(1, 3, LEFT).supersedes(row(1, 9, NORMAL))).isTrue(); // e.g. an operator's removal
        assertThat(row(1, 9, NORMAL).supersedes(row(1, 3, LEFT))).isFalse(); // a lagging copy cannot undo it
        assertThat(row(1, 4, LEFT).supersedes(row(1, 3, LEFT))).isTrue();
    }

    @Test
    void aRestartBringsALeftNodeBack() {
        assertThat(row(2, 0, NORMAL).supersedes(row(1, 50, LEFT))).isTrue();
    }

    @Test
    void rowsOfDifferentNodesDoNotCompare() {
        MemberInfo other = new MemberInfo(NodeId.of("b"), "http://127.0.0.1:9082", 8, 1, 1, NORMAL);

        assertThatThrownBy(() -> row(1, 1, NORMAL).supersedes(other)).hasMessage("cannot compare rows of a and b");
    }

    @Test
    void statusChangesAndHeartbeatsRaiseTheVersion() {
        MemberInfo leaving = row(1, 4, NORMAL).withStatus(LEAVING);

        assertThat(leaving.heartbeat()).isEqualTo(5);
        assertThat(leaving.status()).isEqualTo(LEAVING);
        assertThat(leaving.nextHeartbeat().heartbeat()).isEqualTo(6);
    }

    @Test
    void survivesTheWireUnchanged() {
        MemberInfo row = row(1_767_225_600_000L, 42, LEAVING);

        GossipEntry entry = row.toEntry();

        assertThat(entry).isEqualTo(new GossipEntry("a", "http://127.0.0.1:9081", 8, 1_767_225_600_000L, 42,
                "LEAVING"));
        assertThat(MemberInfo.fromEntry(entry)).isEqualTo(row);
    }
}
