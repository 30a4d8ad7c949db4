package io.practicalsystems.idgen.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.idgen.NoWorkerIdAvailableException;
import io.practicalsystems.idgen.WorkerLease;
import io.practicalsystems.platform.redis.TestRedis;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * Worker-ID leases against a real Redis ({@link TestRedis}). Worker IDs 1,000,000+ lie outside any real layout's
 * range, so a server running on the same Redis is never disturbed.
 */
class RedisLeaseStoreTest {

    private static final int FIRST = 1_000_000;
    private static final int LAST = 1_000_003;

    private UnifiedJedis redis;
    private RedisLeaseStore store;
    private final String owner = "test-" + UUID.randomUUID();

    @BeforeEach
    void connect() {
        redis = RedisClient.create(TestRedis.url());
        store = new RedisLeaseStore(redis);
        for (int id = FIRST; id <= LAST; id++) {
            redis.del(RedisLeaseStore.key(id));
        }
    }

    @AfterEach
    void cleanUp() {
        for (int id = FIRST; id <= LAST; id++) {
            redis.del(RedisLeaseStore.key(id));
        }
        redis.close();
    }

    @Test
    void acquireIsExclusiveAndRecordsTheOwnerWithATtl() {
        assertThat(store.tryAcquire(FIRST, owner, 10_000)).isTrue();
        assertThat(store.tryAcquire(FIRST, "someone-else", 10_000)).isFalse();
        assertThat(redis.get(RedisLeaseStore.key(FIRST))).isEqualTo(owner);
        assertThat(redis.pttl(RedisLeaseStore.key(FIRST))).isBetween(1L, 10_000L);
    }

    @Test
    void onlyTheOwnerCanRenewOrRelease() {
        store.tryAcquire(FIRST, owner, 5_000);
        assertThat(store.renew(FIRST, "intruder", 60_000)).isFalse();
        assertThat(redis.pttl(RedisLeaseStore.key(FIRST))).isLessThanOrEqualTo(5_000L);

        assertThat(store.renew(FIRST, owner, 60_000)).isTrue();
        assertThat(redis.pttl(RedisLeaseStore.key(FIRST))).isGreaterThan(5_000L);

        store.release(FIRST, "intruder");
        assertThat(redis.exists(RedisLeaseStore.key(FIRST))).isTrue();
        store.release(FIRST, owner);
        assertThat(redis.exists(RedisLeaseStore.key(FIRST))).isFalse();
    }

    @Test
    void anExpiredLeaseCannotBeRenewedAndIsFreeForOthers() throws InterruptedException {
        store.tryAcquire(FIRST, owner, 50);
        awaitGone(RedisLeaseStore.key(FIRST));
        assertThat(store.renew(FIRST, owner, 10_000)).isFalse();
        assertThat(store.tryAcquire(FIRST, "next-holder", 10_000)).isTrue();
    }

    @Test
    void workerLeasesOverRealRedisNeverShareAnIdAndFailClearlyWhenTheRangeIsFull() {
        List<WorkerLease> leases = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = FIRST; i <= LAST; i++) {
            WorkerLease lease = new WorkerLease(store, owner + "-" + i, FIRST, LAST, 10_000, System::nanoTime);
            ids.add(lease.acquire());
            leases.add(lease);
        }
        assertThat(ids).hasSize(LAST - FIRST + 1);
        WorkerLease oneTooMany = new WorkerLease(store, owner + "-late", FIRST, LAST, 10_000, System::nanoTime);
        assertThatThrownBy(oneTooMany::acquire).isInstanceOf(NoWorkerIdAvailableException.class)
                .hasMessageContaining("1000000..1000003");
        leases.forEach(WorkerLease::release);
    }

    @Test
    void fencingTheHolderStopsOnceSomeoneElseTookTheKey() {
        WorkerLease lease = new WorkerLease(store, owner, FIRST, FIRST, 10_000, System::nanoTime);
        int id = lease.acquire();
        assertThat(lease.isHeld()).isTrue();
        redis.set(RedisLeaseStore.key(id), "intruder"); // e.g. our key expired during a pause and was re-leased
        assertThat(lease.renew()).isFalse();
        assertThat(lease.isHeld()).isFalse();
    }

    @Test
    void redisTimeIsCloseToTheLocalClockOnThisMachine() {
        long local = System.currentTimeMillis();
        long remote = RedisLeaseStore.redisTimeMillis(redis);
        assertThat(Math.abs(remote - local)).isLessThan(5_000L);
    }

    private void awaitGone(String key) throws InterruptedException {
        for (int i = 0; i < 200 && redis.exists(key); i++) {
            Thread.sleep(10);
        }
        assertThat(redis.exists(key)).as("lease key expired").isFalse();
    }
}
