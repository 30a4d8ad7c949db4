package io.practicalsystems.kv.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void oneCommitCoversEveryWriteTicketedBeforeIt() {
        Path file = dir.resolve("group.mv");
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        MVMap<String, String> map = store.openMap("m");
        GroupCommit commits = new GroupCommit(store, false);

        map.put("a", "1");
        long first = commits.ticket();
        map.put("b", "2");
        long second = commits.ticket();
        commits.awaitDurable(second);
        long versionAfterCommit = store.getCurrentVersion();
        commits.awaitDurable(first);

        assertThat(store.getCurrentVersion()).as("no second commit for a covered ticket").isEqualTo(versionAfterCommit);
        assertThat(store.hasUnsavedChanges()).isFalse();

        map.put("c", "3");
        commits.awaitDurable(commits.ticket());
        assertThat(store.getCurrentVersion()).isGreaterThan(versionAfterCommit);
        store.closeImmediately(); // like a crash: only what was committed is in the file

        MVStore reopened = MVStore.open(file.toString());
        assertThat(reopened.<String, String>openMap("m")).containsOnlyKeys("a", "b", "c");
        reopened.close();
    }
}
