package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.VersionVector;
import io.practicalsystems.kv.version.Versioned;
import java.util.Objects;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;

/**
 * The actor a store's writes issue dots under: the coordinator's node ID in epoch 0 ({@code kv-1}), and
 * {@code kv-1+<epoch>} after the store has forgotten a key (Riak's fix for the same problem, known as "kv679").
 *
 * <p>Why: a dot's counter is one above the actor's counter in the stored copy, and the new copy's history claims every
 * counter below it. Once the store forgets a key (a tombstone collected, a range handed to its new owners), a later
 * write of that key would count from 1 again — reissuing dots that replicas still holding the old copy know, so they
 * discard the new value as already seen — or, counting on from some remembered maximum, claim to have seen values it
 * never saw, so the old copy's concurrent value is discarded instead. A write under an actor that has never written
 * the key claims nothing: {@code kv-1+3:1} covers only itself, and both values survive as siblings.
 *
 * <p>The rule: the epoch rises (durably, before the key disappears) when a key is forgotten, unless no write has used
 * the current epoch since it began — then no copy anywhere holds its dots, and forgetting cannot lose any. Writes and
 * removals of one key are serialized by the store, so a write after the removal sees the new epoch. A reopened store
 * assumes its epoch was used (it cannot know), so it rises at the first removal after a restart.
 *
 * <p>The same happens when the actor has no counter left for a key: a key whose history claims
 * {@link #LAST_COUNTER} for it (a forged client context did that before contexts were authenticated) would otherwise
 * fail every later write. Rising to an actor with no history in the key repairs it: the next write is a sibling of
 * what is stored, and a write with that read's context resolves them.
 *
 * <p>What it does not cover: a store whose file is lost starts again at epoch 0 and would reissue its old dots — a node
 * that loses its data must come back under a new node ID ({@link NodeId}).
 *
 * <p>Thread-safe.
 */
final class ActorEpoch {

    /** Separates node ID and epoch in an actor's name; node IDs may not contain it (so no node is named like one). */
    static final char SEPARATOR = '+';
    /** A counter no dot can follow: the next would overflow. */
    static final long LAST_COUNTER = Long.MAX_VALUE;

    private final LongConsumer persist;
    private long epoch;
    private boolean usedSinceRise;

    /**
     * @param epoch         the persisted epoch (0 for a new store)
     * @param possiblyUsed  whether writes may already have used it (a reopened store)
     * @param persist       makes a new epoch durable before the change that needed it (called with this object
     *                      locked, so persisted epochs only ever rise)
     */
    ActorEpoch(long epoch, boolean possiblyUsed, LongConsumer persist) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        this.epoch = epoch;
        this.usedSinceRise = possiblyUsed;
        this.persist = Objects.requireNonNull(persist, "persist");
    }

    synchronized long epoch() {
        return epoch;
    }

    /**
     * The actor a write coordinated by {@code node} uses now, for a key whose history (with the client's context) is
     * {@code history}; call it where the write's key is locked. Rises (and persists) the epoch while the actor has no
     * counter left in that history.
     */
    synchronized NodeId actorFor(NodeId node, VersionVector history) {
        usedSinceRise = true;
        NodeId actor = actorOf(node, epoch);
        while (history.counter(actor) >= LAST_COUNTER) {
            rise();
            usedSinceRise = true;
            actor = actorOf(node, epoch);
        }
        return actor;
    }

    /** Call before a key is removed (and before the removal can be seen): rises (and persists) a used epoch. */
    synchronized void beforeForgetting() {
        if (usedSinceRise) {
            rise();
        }
    }

    private void rise() {
        epoch++;
        usedSinceRise = false;
        persist.accept(epoch);
    }

    /**
     * A coordinated write's change to one key's copy, to run where the key is locked (so after any removal of it);
     * it takes the actor then, and {@link CoordinatedWrite#written} names the dot it issued.
     */
    CoordinatedWrite coordinatedWrite(CausalContext clientContext, Versioned<Blob> value, NodeId coordinator) {
        Objects.requireNonNull(clientContext, "clientContext");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(coordinator, "coordinator");
        return new CoordinatedWrite(clientContext, value, coordinator);
    }

    /**
     * See {@link #coordinatedWrite}. One per write, on one thread; it may run more than once (a retried compute), and
     * the last run — whose result is stored — names the actor.
     */
    final class CoordinatedWrite implements UnaryOperator<DottedVersionVectorSet<Blob>> {

        private final CausalContext clientContext;
        private final Versioned<Blob> value;
        private final NodeId coordinator;
        private NodeId actor;

        private CoordinatedWrite(CausalContext clientContext, Versioned<Blob> value, NodeId coordinator) {
            this.clientContext = clientContext;
            this.value = value;
            this.coordinator = coordinator;
        }

        @Override
        public DottedVersionVectorSet<Blob> apply(DottedVersionVectorSet<Blob> current) {
            actor = actorFor(coordinator, current.history().merge(clientContext.vector()));
            return current.update(clientContext, value, actor);
        }

        /** The outcome, given the stored copy this change produced. */
        ReplicaStore.Written written(DottedVersionVectorSet<Blob> copy) {
            return new ReplicaStore.Written(copy, new Dot(actor, copy.history().counter(actor)));
        }
    }

    static NodeId actorOf(NodeId node, long epoch) {
        return epoch == 0 ? node : NodeId.of(node.value() + SEPARATOR + epoch);
    }
}
