package io.practicalsystems.kv.storage;


import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.ring.TokenRange;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fresh, empty store per test and the helpers the store contracts share; one subclass per implementation. */
abstract class StoreUnderTest {

    static final NodeId KV1 = NodeId.of("kv-1");
    static final NodeId KV2 = NodeId.of("kv-2");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final TokenRange WHOLE_RING = new TokenRange(0, 0);
    /** Keys are any strings: empty, non-ASCII, control characters, an unpaired surrogate, long. */
    static final List<String> UNUSUAL_KEYS =
            List.of("", " ", "ü", "日本語", "😀", "a/b?c=d&e", "\u0000", "a\uD800", "x".repeat(10_000));

    ReplicaStore store;

    /** A new, empty store. */
    abstract ReplicaStore openStore();

    @BeforeEach
    void openFreshStore() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    static Versioned<Blob> value(String text) {
        return Versioned.of(Blob.ofUtf8(text), T0);
    }

    static List<String> liveTexts(DottedVersionVectorSet<Blob> copy) {
        return copy.liveValues().stream().map(Blob::utf8).sorted().toList();
    }

    static Map<String, DottedVersionVectorSet<Blob>> everything(ReplicaStore store) {
        Map<String, DottedVersionVectorSet<Blob>> all = new TreeMap<>();
        store.forEachInRange(WHOLE_RING, all::put);
        return all;
    }
}
