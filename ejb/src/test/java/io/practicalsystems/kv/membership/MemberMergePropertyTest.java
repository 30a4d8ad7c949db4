package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The merge rule is a total order on one member's versions, so replicas that receive the same rows in any order,
 * any number of times, end with the same row: gossip converges whatever the network does.
 */
class MemberMergePropertyTest {

    /** Rows as the member itself could have written them: content is a function of the version. */
    @Provide
    Arbitrary<List<MemberInfo>> rows() {
        Arbitrary<MemberInfo> row = Combinators.combine(
                Arbitraries.longs().between(1, 3),
                Arbitraries.longs().between(0, 6),
                Arbitraries.of(false, false, true)).as((generation, heartbeat, left) ->
                        MemberInfoTest.row(generation, heartbeat, left ? MemberStatus.LEFT
                                : heartbeat > 3 ? MemberStatus.LEAVING : MemberStatus.NORMAL));
        return row.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void mergeOrderAndDuplicatesDoNotMatter(@ForAll("rows") List<MemberInfo> rows, @ForAll long shuffleSeed) {
        List<MemberInfo> shuffled = new ArrayList<>(rows);
        shuffled.addAll(rows.subList(0, rows.size() / 2)); // some rows arrive twice
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        assertThat(merge(shuffled)).isEqualTo(merge(rows));
    }

    @Property(tries = 300)
    void theSurvivorIsSupersededByNoRow(@ForAll("rows") List<MemberInfo> rows) {
        MemberInfo survivor = merge(rows);

        assertThat(rows).noneMatch(row -> row.supersedes(survivor));
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
