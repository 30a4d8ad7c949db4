package io.practicalsystems.kv.merkle;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The keys two replicas must exchange after comparing one differing bucket's contents, split by direction: keys only
 * we have (push), keys only they have (pull), and keys both have in different versions (send both ways and merge —
 * with dotted version vector sets neither side's copy simply wins).
 *
 * @param onlyOurs   present here, missing there
 * @param onlyTheirs present there, missing here
 * @param differing  present on both sides with different version digests
 */
public record KeysToExchange(SortedSet<String> onlyOurs, SortedSet<String> onlyTheirs, SortedSet<String> differing) {

    public KeysToExchange {
        onlyOurs = Collections.unmodifiableSortedSet(new TreeSet<>(onlyOurs));
        onlyTheirs = Collections.unmodifiableSortedSet(new TreeSet<>(onlyTheirs));
        differing = Collections.unmodifiableSortedSet(new TreeSet<>(differing));
    }

    /**
     * Compares two sides' (key → version digest) maps, normally the contents of one {@link KeyRangeDiff} bucket.
     */
    public static KeysToExchange between(Map<String, byte[]> ours, Map<String, byte[]> theirs) {
        SortedSet<String> onlyOurs = new TreeSet<>();
        SortedSet<String> differing = new TreeSet<>();
        ours.forEach((key, digest) -> {
            byte[] other = theirs.get(key);
            if (other == null) {
                onlyOurs.add(key);
            } else if (!Arrays.equals(digest, other)) {
                differing.add(key);
            }
        });
        SortedSet<String> onlyTheirs = new TreeSet<>(theirs.keySet());
        onlyTheirs.removeAll(ours.keySet());
        return new KeysToExchange(onlyOurs, onlyTheirs, differing);
    }

    /** Every key to exchange, in either direction. */
    public SortedSet<String> all() {
        SortedSet<String> all = new TreeSet<>(onlyOurs);
        all.addAll(onlyTheirs);
        all.addAll(differing);
        return Collections.unmodifiableSortedSet(all);
    }

    public boolean isEmpty() {
        return onlyOurs.isEmpty() && onlyTheirs.isEmpty() && differing.isEmpty();
    }
}
