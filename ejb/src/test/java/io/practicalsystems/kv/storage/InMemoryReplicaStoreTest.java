package io.practicalsystems.kv.storage;

class InMemoryReplicaStoreTest extends ReplicaStoreContract {

    @Override
    ReplicaStore openStore() {
        return new InMemoryReplicaStore();
    }
}
