package io.practicalsystems.kv.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GossipTargetsTest {

    private static final List<String> SEEDS = List.of("s1", "s2");

    @Test
    void aNodeThatKnowsNobodyGossipsWithASeed() {
        List<String> targets = GossipTargets.choose(List.of(), List.of(), SEEDS, new Random(1));

        assertThat(targets).hasSize(1).allMatch(SEEDS::contains);
    }

    @Test
    void nodesThatAreAllSeedsAndMetInPairsStillReachTheOtherSeeds() {
        // every node a seed; this one has met only seed s1, which is live: it must still try the other seed
        for (int seed = 0; seed < 20; seed++) {
            List<String> targets = GossipTargets.choose(List.of("s1"), List.of(), List.of("s1", "s2"),
                    new Random(seed));

            assertThat(targets).as("seed %d", seed).containsExactly("s1", "s2");
        }
    }

    @Test
    void aLoneNodeWithoutOtherSeedsGossipsWithNobody() {
        assertThat(GossipTargets.choose(List.of(), List.of(), List.of(), new Random(1))).isEmpty();
    }

    @Test
    void withNobodyLiveItAlwaysProbesAnUnreachableMember() {
        for (int seed = 0; seed < 50; seed++) {
            List<String> targets = GossipTargets.choose(List.of(), List.of("u1", "u2"), List.of(), new Random(seed));

            assertThat(targets).as("seed %d", seed).hasSize(1).allMatch(t -> t.startsWith("u"));
        }
    }

    @Test
    void oneLivePeerEveryRoundUnreachableAndSeedsNowAndThen() {
        List<String> live = List.of("l1", "l2", "l3", "l4");
        List<String> unreachable = List.of("u1");
        Map<String, Integer> counts = new HashMap<>();
        Random random = new Random(42);
        int rounds = 10_000;

        for (int i = 0; i < rounds; i++) {
            List<String> targets = GossipTargets.choose(live, unreachable, SEEDS, random);
            assertThat(live).contains(targets.get(0));
            assertThat(targets).doesNotHaveDuplicates();
            targets.forEach(t -> counts.merge(t.substring(0, 1), 1, Integer::sum));
        }

        assertThat(counts.get("l")).isEqualTo(rounds);
        // unreachable: 1 / (4 + 1) = 20%; seeds: 2 / (4 + 1) = 40% (the live peers here are never seeds)
        assertThat(counts.get("u")).isBetween(1_800, 2_200);
        assertThat(counts.get("s")).isBetween(3_700, 4_300);
    }

    @Test
    void noExtraSeedWhenTheLivePeerIsASeedAndEverySeedIsLive() {
        for (int seed = 0; seed < 20; seed++) {
            List<String> targets = GossipTargets.choose(List.of("s1", "s2"), List.of(), List.of("s1", "s2"),
                    new Random(seed));

            assertThat(targets).as("seed %d", seed).hasSize(1);
        }
    }
}
