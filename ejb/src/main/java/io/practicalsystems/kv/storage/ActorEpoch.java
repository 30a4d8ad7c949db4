package io.practicalsystems.kv.storage;

import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import io.practicalsystems.kv.version.Versioned;
import java.util.Objects;
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
 * <p>What it does not cover: a store whose file is lost starts again at epoch 0 and would reissue its old dots — a node
 * that loses its data must come back under a new node ID ({@link NodeId}).
 *
 * <p>Thread-safe.
 */
final class ActorEpoch {

    /** Separates node ID and epoch in an actor's name; node IDs may not contain it (so no node is named like one). */
    static final char SEPARATOR = '+';

    private long epoch;
    private boolean usedSinceRise;

    /**
     * @param epoch         the persisted epoch (0 for a new store)
     * @param possiblyUsed  whether writes may already have used it (a reopened store)
     */
    ActorEpoch(long epoch, boolean possiblyUsed) {
        if (epoch < 0) {
            throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        }
        this.epoch = epoch;
        this.usedSinceRise = possiblyUsed;
    }

    synchronized long epoch() {
        return epoch;
    }

    /** The actor a write coordinated by {@code node} uses now; call it where the write's key is locked. */
    synchronized NodeId actorFor(NodeId node) {
        usedSinceRise = true;
        return actorOf(node, epoch);
    }

    /**
     * Call before a key is removed (and before the removal can be seen).
     *
     * @return whether the epoch rose, and so must be persisted before the removal
     */
    synchronized boolean beforeForgetting() {
        if (!usedSinceRise) {
            return false;
        }
        epoch++;
        usedSinceRise = false;
        return true;
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
            actor = actorFor(coordinator);
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
