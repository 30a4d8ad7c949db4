package io.practicalsystems.kv.membership;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Whom a node gossips with in one round, after Cassandra's rule: one random live member; with some probability one
 * unreachable member, so a partition heals once the network does; with some probability a seed, so a node that
 * knows nobody yet finds the cluster and groups that only know each other meet again through the seeds.
 */
final class GossipTargets {

    private GossipTargets() {
    }

    /**
     * @param live        addresses of the members currently {@link Reachability#ALIVE}, excluding this node
     * @param unreachable addresses of the suspect and dead members, excluding this node and members that left
     * @param seeds       seed addresses, excluding this node's own
     * @return distinct addresses, in the order chosen; empty only when all three lists are
     */
    static List<String> choose(List<String> live, List<String> unreachable, List<String> seeds, Random random) {
        Set<String> targets = new LinkedHashSet<>();
        String livePeer = live.isEmpty() ? null : pick(live, random);
        if (livePeer != null) {
            targets.add(livePeer);
        }
        // The more members are unreachable relative to live ones, the likelier we probe one: with nobody live,
        // always.
        if (!unreachable.isEmpty() && random.nextDouble() < unreachable.size() / (live.size() + 1.0)) {
            targets.add(pick(unreachable, random));
        }
        if (!seeds.isEmpty()) {
            if (livePeer == null) {
                targets.add(pick(seeds, random));
            } else if ((!seeds.contains(livePeer) || live.size() < seeds.size())
                    && random.nextDouble() < (double) seeds.size() / (live.size() + unreachable.size())) {
                // Cassandra's condition: also when fewer members are live than there are seeds — otherwise nodes
                // that are all seeds and met in small groups at start-up would only ever talk within their group.
                List<String> otherSeeds = seeds.stream().filter(s -> !s.equals(livePeer)).toList();
                targets.add(pick(otherSeeds.isEmpty() ? seeds : otherSeeds, random));
            }
        }
        return new ArrayList<>(targets);
    }

    private static String pick(List<String> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }
}
