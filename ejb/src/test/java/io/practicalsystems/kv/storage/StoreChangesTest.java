package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreChangesTest {

    @TempDir
    Path dir;

    @Test
    void everyKindOfChangeReplaysInOrderWithAnyKey() {
        Path base = dir.resolve("store.mv.db");
        WriteAheadLog log = WriteAheadLog.open(base, false, (type, body) -> { });
        List<String> keys = StoreUnderTest.UNUSUAL_KEYS;
        for (int i = 0; i < keys.size(); i++) {
            StoreChanges.put(log, keys.get(i), ("copy " + i).getBytes(StandardCharsets.UTF_8));
        }
        StoreChanges.remove(log, "a\uD800");
        log.awaitDurable(StoreChanges.epoch(log, 41));

        List<String> replayed = new ArrayList<>();
        WriteAheadLog.open(base, false, (type, body) -> StoreChanges.apply(type, body, new StoreChanges.Target() {
            @Override
            public void put(String key, byte[] copy) {
                replayed.add("put " + key + " = " + new String(copy, StandardCharsets.UTF_8));
            }

            @Override
            public void remove(String key) {
                replayed.add("remove " + key);
            }

            @Override
            public void raiseEpoch(long epoch) {
                replayed.add("epoch " + epoch);
            }
        })).close();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            expected.add("put " + keys.get(i) + " = copy " + i);
        }
        expected.add("remove a\uD800");
        expected.add("epoch 41");
        assertThat(replayed).containsExactlyElementsOf(expected);
    }
}
