package io.practicalsystems.kv.bench;

import io.practicalsystems.kv.ring.RingHash;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Keys that a node does not own, for the exact one-peer-hop floor of bench/kv-load.sh: on an N=1 cluster a get or put
 * of such a key, sent to that node, crosses exactly one peer hop to the key's only replica — the least a replicated
 * R=2 get or W=2 put must do besides its local work.
 *
 * <p>The ring is the node's own, as {@code GET /api/kv-cluster/ring} reports it (one {@code "<end> <node>"} line per
 * arc on stdin, {@code jq -r '.arcs[] | "\(.end) \(.node)"'}); a key belongs to the arc whose end is the first at or
 * after its {@link RingHash} position, wrapping — the store's own placement ({@code HashRing.primaryFor}).
 *
 * <pre>curl -s URL/api/kv-cluster/ring | jq -r '.arcs[] | "\(.end) \(.node)"' \
 *     | java -cp bench/target/classes:ejb/target/classes io.practicalsystems.kv.bench.KeysOwnedElsewhere NODE PREFIX COUNT</pre>
 * prints the first COUNT keys {@code PREFIX1, PREFIX2, …} whose owner is not NODE, one a line.
 */
public final class KeysOwnedElsewhere {

    private final NavigableMap<Long, String> ownerByArcEnd = new TreeMap<>();

    /** @param arcs {@code "<end> <node>"} lines, one per token range */
    KeysOwnedElsewhere(List<String> arcs) {
        for (String arc : arcs) {
            String[] fields = arc.trim().split(" ");
            ownerByArcEnd.put(Long.parseLong(fields[0]), fields[1]);
        }
        if (ownerByArcEnd.isEmpty()) {
            throw new IllegalArgumentException("no arcs: the node reports an empty ring");
        }
    }

    String owner(String key) {
        Map.Entry<Long, String> at = ownerByArcEnd.ceilingEntry(RingHash.of(key));
        return (at != null ? at : ownerByArcEnd.firstEntry()).getValue();
    }

    void print(String node, String prefix, int count, PrintStream out) {
        for (long i = 1, found = 0; found < count; i++) {
            String key = prefix + i;
            if (!owner(key).equals(node)) {
                out.println(key);
                found++;
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: KeysOwnedElsewhere NODE PREFIX COUNT < arcs");
            System.exit(2);
        }
        List<String> arcs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines()
                .filter(line -> !line.isBlank()).toList();
        PrintStream out = new PrintStream(new BufferedOutputStream(System.out), false, StandardCharsets.UTF_8);
        new KeysOwnedElsewhere(arcs).print(args[0], args[1], Integer.parseInt(args[2]), out);
        out.flush();
    }
}
