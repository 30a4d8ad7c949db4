package io.practicalsystems.kv.storage;

class InMemoryReplicaStoreRangeTest extends ReplicaStoreRangeContract {

    @Override
    ReplicaStore openStore() {
        return new InMemoryReplicaStore();
    }
}
