package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The merge rule is a total order on one member's versions, so replicas that receive the same rows in any order,
 * any number of times, end with the same row: gossip converges whatever the network does.
 */
class MemberMergePropertyTest {

    /** Rows as the member itself could have written them: content is a function of the version. */
    private static Gen<List<MemberInfo>> rows() {
        Gen<MemberInfo> row = longs().between(1, 3).zip(
                longs().between(0, 6),
                arbitrary().pick(false, false, true),
                (generation, heartbeat, left) -> MemberInfoTest.row(generation, heartbeat, left ? MemberStatus.LEFT
                        : heartbeat > 3 ? MemberStatus.LEAVING : MemberStatus.NORMAL));
        return Gens.listsOf(row, 1, 12);
    }

    @Test
    void mergeOrderAndDuplicatesDoNotMatter() {
        qt().withExamples(300).forAll(rows(), longs().all()).checkAssert((rows, shuffleSeed) -> {
            List<MemberInfo> shuffled = new ArrayList<>(rows);
            shuffled.addAll(rows.subList(0, rows.size() / 2)); // some rows arrive twice
            Collections.shuffle(shuffled, new Random(shuffleSeed));

            assertThat(merge(shuffled)).isEqualTo(merge(rows));
        });
    }

    @Test
    void theSurvivorIsSupersededByNoRow() {
        qt().withExamples(300).forAll(rows()).checkAssert(rows -> {
            MemberInfo survivor = merge(rows);

            assertThat(rows).noneMatch(row -> row.supersedes(survivor));
        });
    }

    private static MemberInfo merge(List<MemberInfo> rows) {
        MemberInfo known = rows.get(0);
        for (MemberInfo incoming : rows) {
            if (incoming.supersedes(known)) {
                known = incoming;
            }
        }
        return known;
    }
}
