package io.practicalsystems.kv.application;

import io.practicalsystems.kv.membership.ClusterSnapshot;
import java.util.List;
import java.util.Map;

/**
 * This node's view of the cluster ({@code GET /api/kv-cluster}): strings and numbers, ready for JSON.
 *
 * @param members       every member this node knows: state (NORMAL/LEAVING/LEFT), reachability
 *                      (ALIVE/SUSPECT/DEAD), phi, ring ownership
 * @param hintsByTarget hints this node holds for down nodes
 */
public record KvClusterView(String self, String quorum, String mode, int ringNodes,
                            List<ClusterSnapshot.Member> members, long keyCount, Map<String, Integer> hintsByTarget,
                            Map<String, Long> hintsDropped, int pendingRangeMoves, Map<String, Long> counters) {
}
