package io.practicalsystems.idgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerLeaseTest {

    private static final long TTL = 1_000; // safety margin 100 ms, so 900 ms of local validity

    private final ManualNanoClock nanos = new ManualNanoClock();
    private final FakeLeaseStore store = new FakeLeaseStore(nanos);

    private WorkerLease lease(String owner, int min, int max) {
        return new WorkerLease(store, owner, min, max, TTL, nanos);
    }

    @Test
    void acquirePicksAFreeIdAndWrapsAroundTheRange() {
        store.forceOwner(2, "other", 60_000);
        store.forceOwner(3, "other", 60_000);
        WorkerLease lease = new WorkerLease(store, "me", 0, 3, TTL, nanos, size -> 2);

        int id = lease.acquire();

        assertThat(id).isZero();
        assertThat(store.acquireAttempts()).containsExactly(2, 3, 0);
        assertThat(store.ownerOf(0)).contains("me");
        assertThat(lease.workerId()).hasValue(0);
        assertThat(lease.isHeld()).isTrue();
        assertThat(lease.remainingValidityMillis()).isEqualTo(900);
    }

    @Test
    void startsAtARandomOffset() {
        Set<Integer> firstChoices = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            firstChoices.add(new WorkerLease(new FakeLeaseStore(nanos), "me", 0, 99, TTL, nanos).acquire());
        }
        assertThat(firstChoices).hasSizeGreaterThan(1).allSatisfy(id -> assertThat(id).isBetween(0, 99));
    }

    @Test
    void allIdsTakenExplainsWhatToDo() {
        for (int id = 0; id <= 3; id++) {
            store.forceOwner(id, "other", 60_000);
        }

        assertThatThrownBy(() -> lease("me", 0, 3).acquire())
                .isInstanceOf(NoWorkerIdAvailableException.class)
                .hasMessage("all 4 worker IDs in range 0..3 are leased by other instances; "
                        + "stop one or widen the range");
        assertThat(new NoWorkerIdAvailableException(0, 1023).getMessage())
                .startsWith("all 1,024 worker IDs in range 0..1023");
    }

    @Test
    void differentOwnersNeverShareAnId() throws Exception {
        int owners = 16;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Set<Callable<Integer>> tasks = new HashSet<>();
            for (int i = 0; i < owners; i++) {
                WorkerLease lease = lease("owner-" + i, 10, 10 + owners - 1);
                tasks.add(lease::acquire);
            }
            Set<Integer> ids = new HashSet<>();
            for (Future<Integer> f : pool.invokeAll(tasks)) {
                ids.add(f.get(10, TimeUnit.SECONDS));
            }
            assertThat(ids).hasSize(owners);
            assertThatThrownBy(() -> lease("one-too-many", 10, 10 + owners - 1).acquire())
                    .isInstanceOf(NoWorkerIdAvailableException.class);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void validityCountsFromBeforeTheStoreCall() {
        store.setLatencyMillis(300);
        WorkerLease lease = lease("me", 0, 0);

        lease.acquire(); // took 300 ms; the store's TTL started no earlier than the call

        assertThat(lease.remainingValidityMillis()).isEqualTo(600);
        nanos.advanceMillis(599);
        assertThat(lease.isHeld()).isTrue();
        nanos.advanceMillis(1);
        assertThat(lease.isHeld()).isFalse();
        assertThat(store.ownerOf(0)).contains("me"); // the store still protects the ID: we stopped first
    }

    @Test
    void renewExtendsValidity() {
        WorkerLease lease = lease("me", 0, 0);
        lease.acquire();
        nanos.advanceMillis(800);

        assertThat(lease.renew()).isTrue();

        assertThat(lease.remainingValidityMillis()).isEqualTo(900);
        nanos.advanceMillis(899);
        assertThat(lease.isHeld()).isTrue();
        nanos.advanceMillis(1);
        assertThat(lease.isHeld()).isFalse();
    }

    @Test
    void renewFailingOnAnOutageKeepsTheOldDeadlineThenFencesItself() {
        WorkerLease lease = lease("me", 5, 5);
        lease.acquire();
        store.setFailing(true);
        nanos.advanceMillis(500);

        assertThat(lease.renew()).isFalse();
        assertThat(lease.isHeld()).isTrue();
        assertThat(lease.remainingValidityMillis()).isEqualTo(400);

        nanos.advanceMillis(400);
        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.remainingValidityMillis()).isZero();
        assertThat(lease.workerId()).hasValue(5);
    }

    @Test
    void partitionedHolderStopsBeforeAnotherInstanceCanTakeItsId() {
        WorkerLease holder = lease("a", 0, 0);
        holder.acquire();
        WorkerLease rival = lease("b", 0, 0);
        boolean rivalGotIt = false;

        for (int step = 0; step < 40 && !rivalGotIt; step++) {
            nanos.advanceMillis(50);
            store.setFailing(true); // only the holder is cut off from the store
            assertThat(holder.renew()).isFalse();
            store.setFailing(false);
            if (holder.isHeld()) {
                assertThat(store.ownerOf(0)).contains("a");
            }
            try {
                rival.acquire();
                rivalGotIt = true;
                assertThat(holder.isHeld()).isFalse();
            } catch (NoWorkerIdAvailableException stillTaken) {
                assertThat(store.ownerOf(0)).contains("a");
            }
        }
        assertThat(rivalGotIt).isTrue();
        assertThat(holder.isHeld()).isFalse();
        assertThat(holder.renew()).isFalse(); // connectivity back, but the store says it is b's now
        assertThat(rival.isHeld()).isTrue();
    }

    @Test
    void renewRefusedByTheStoreDropsTheLeaseAtOnce() {
        WorkerLease lease = lease("me", 0, 0);
        lease.acquire();
        store.forceOwner(0, "someone-else", 60_000);

        assertThat(lease.renew()).isFalse();

        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.remainingValidityMillis()).isZero();
        assertThat(lease.renew()).isFalse();
    }

    @Test
    void acquireIsIdempotentWhileHeldAndStartsOverOnceLost() {
        WorkerLease lease = lease("me", 0, 1);
        int first = lease.acquire();
        assertThat(lease.acquire()).isEqualTo(first);

        store.forceOwner(first, "someone-else", 60_000);
        lease.renew();
        int second = lease.acquire();

        assertThat(second).isNotEqualTo(first);
        assertThat(lease.isHeld()).isTrue();
        assertThat(store.ownerOf(first)).contains("someone-else");
    }

    @Test
    void releaseFreesTheIdForOthers() {
        WorkerLease mine = lease("me", 7, 7);
        WorkerLease theirs = lease("them", 7, 7);
        mine.acquire();
        assertThatThrownBy(theirs::acquire).isInstanceOf(NoWorkerIdAvailableException.class);

        mine.release();

        assertThat(mine.isHeld()).isFalse();
        assertThat(mine.workerId()).isEmpty();
        assertThat(mine.renew()).isFalse();
        assertThat(theirs.acquire()).isEqualTo(7);
        mine.release(); // releasing twice is harmless and does not touch their lease
        assertThat(store.ownerOf(7)).contains("them");
    }

    @Test
    void releaseClearsLocalStateEvenIfTheStoreIsDown() {
        WorkerLease lease = lease("me", 0, 0);
        lease.acquire();
        store.setFailing(true);

        assertThatThrownBy(lease::release).isInstanceOf(IllegalStateException.class);

        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.workerId()).isEmpty();
    }

    @Test
    void notHeldBeforeAcquire() {
        WorkerLease lease = lease("me", 0, 3);

        assertThat(lease.isHeld()).isFalse();
        assertThat(lease.workerId()).isEmpty();
        assertThat(lease.remainingValidityMillis()).isZero();
        assertThat(lease.renew()).isFalse();
    }

    @Test
    void tinyTtlStillLeavesValidity() {
        WorkerLease lease = new WorkerLease(store, "me", 0, 0, 2, nanos); // margin is the 1 ms floor
        lease.acquire();

        assertThat(lease.remainingValidityMillis()).isEqualTo(1);
    }

    @Test
    void fixedWorkerIdIsAlwaysHeldAndNeedsNoStore() {
        WorkerLease fixed = WorkerLease.fixed(12);

        assertThat(fixed.isFixed()).isTrue();
        assertThat(fixed.isHeld()).isTrue();
        assertThat(fixed.acquire()).isEqualTo(12);
        assertThat(fixed.renew()).isTrue();
        assertThat(fixed.workerId()).hasValue(12);
        assertThat(fixed.remainingValidityMillis()).isEqualTo(Long.MAX_VALUE);
        fixed.release();
        assertThat(fixed.isHeld()).isTrue();
        assertThatThrownBy(() -> WorkerLease.fixed(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkerLease.fixed(1 << 20)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorValidatesArguments() {
        assertThatThrownBy(() -> new WorkerLease(null, "me", 0, 1, TTL, nanos))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkerLease(store, " ", 0, 1, TTL, nanos))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("owner");
        assertThatThrownBy(() -> new WorkerLease(store, "me", -1, 1, TTL, nanos))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1..1");
        assertThatThrownBy(() -> new WorkerLease(store, "me", 5, 4, TTL, nanos))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5..4");
        assertThatThrownBy(() -> new WorkerLease(store, "me", 0, 1 << 20, TTL, nanos))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkerLease(store, "me", 0, 1, 1, nanos))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttlMillis");
    }
}
