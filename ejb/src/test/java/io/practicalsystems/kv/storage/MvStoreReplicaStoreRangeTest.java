package io.practicalsystems.kv.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class MvStoreReplicaStoreRangeTest extends ReplicaStoreRangeContract {

    @TempDir
    Path dir;

    @Override
    ReplicaStore openStore() {
        return MvStoreReplicaStore.open(dir.resolve("replica.mv"));
    }
}
