package io.practicalsystems.kv.ring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link HashRing#movesBetween}: which ranges a ring change hands to which node.
 *
 * <p>Cuts the ring at the tokens of both rings, so inside each piece both rings agree on one replica list. A node
 * in the new list but not the old one gains the piece; it is paired with a node that lost the piece (in
 * preference order) — the natural hand-over — or, when nobody lost it (the replica set grew because the old ring
 * had fewer than {@code n} nodes), with the old primary. Consecutive pieces with the same (from, to) pair are
 * merged, so adding one node to a ring yields about one move per new token and replica, not one per cut.
 */
final class RangeMoves {

    private RangeMoves() {
    }

    static List<RangeMove> between(HashRing before, HashRing after, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("replica count n must be >= 1, got " + n);
        }
        // n is capped per ring: a 2-node ring with n = 3 keeps every key on both nodes.
        int beforeN = Math.min(n, before.nodes().size());
        int afterN = Math.min(n, after.nodes().size());
        long[] cuts = mergeDistinct(before.tokens(), after.tokens());

        List<RangeMove> moves = new ArrayList<>();
        // (from, to) -> index in moves of a move that ends where the current piece starts, so it can be extended
        Map<List<NodeId>, Integer> open = Map.of();
        for (int i = 0; i < cuts.length; i++) {
            TokenRange piece = new TokenRange(cuts[(i - 1 + cuts.length) % cuts.length], cuts[i]);
            List<NodeId> had = before.preferenceListAt(piece.end(), beforeN);
            List<NodeId> has = after.preferenceListAt(piece.end(), afterN);
            List<NodeId> lost = had.stream().filter(node -> !has.contains(node)).toList();
            List<NodeId> gained = has.stream().filter(node -> !had.contains(node)).toList();

            Map<List<NodeId>, Integer> stillOpen = new HashMap<>();
            for (int g = 0; g < gained.size(); g++) {
                NodeId from = g < lost.size() ? lost.get(g) : had.get(0);
                NodeId to = gained.get(g);
                List<NodeId> pair = List.of(from, to);
                Integer index = open.get(pair);
                if (index == null) {
                    moves.add(new RangeMove(piece, from, to));
                    index = moves.size() - 1;
                } else {
                    TokenRange extended = new TokenRange(moves.get(index).range().start(), piece.end());
                    moves.set(index, new RangeMove(extended, from, to));
                }
                stillOpen.put(pair, index);
            }
            open = stillOpen;
        }
        return List.copyOf(moves);
    }

    private static long[] mergeDistinct(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Arrays.stream(all).sorted().distinct().toArray();
    }
}
