package io.practicalsystems.kv.coordinator;

import io.practicalsystems.kv.ring.NodeId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Step 3: ask the key's replicas, in the order given, and complete at the R-th answer. A replica that has nothing
 * answers "missing", which counts towards R: not knowing a key is an answer, a timeout is not. How many are asked
 * at first, and when one more is, is the {@link ReadFanout}'s.
 */
public final class QuorumReadStep<V> {

    private final ReplicaClient<V> replicas;
    private final ReadFanout fanout;
    private final Delays delays;

    /** Asks every replica at once. */
    public QuorumReadStep(ReplicaClient<V> replicas) {
        this(replicas, ReadFanout.ALL, Delays.NONE);
    }

    /** @param delays runs the speculative ask of a {@linkplain ReadFanout#quorum quorum} fan-out */
    public QuorumReadStep(ReplicaClient<V> replicas, ReadFanout fanout, Delays delays) {
        this.replicas = Objects.requireNonNull(replicas, "replicas");
        this.fanout = Objects.requireNonNull(fanout, "fanout");
        this.delays = Objects.requireNonNull(delays, "delays");
    }

    /** @param nodes the key's replicas, the one to ask first first */
    public ReadRound<V> read(String key, List<NodeId> nodes, int r) {
        QuorumCollector<NodeResponse<V>> answers = new QuorumCollector<>("read", r, nodes.size());
        if (nodes.size() >= r) {
            Asks asks = new Asks(key, nodes, answers);
            asks.askFirst(fanout.initialAsks(nodes.size(), r));
            if (!answers.quorum().isDone() && asks.anyLeft()) {
                Runnable cancel = delays.after(fanout.speculateAfter(), asks::askAnother);
                answers.quorum().whenComplete((done, error) -> cancel.run());
            }
            answers.quorum().whenComplete((done, error) -> answers.notAsked(asks.close()));
        }
        return new ReadRound<>(answers.quorum(), answers.settled());
    }

    /** The replicas not asked yet; a failed ask asks the next one, so R answers stay possible while N - R fail. */
    private final class Asks {

        private final String key;
        private final List<NodeId> nodes;
        private final QuorumCollector<NodeResponse<V>> answers;
        private int next;

        Asks(String key, List<NodeId> nodes, QuorumCollector<NodeResponse<V>> answers) {
            this.key = key;
            this.nodes = nodes;
            this.answers = answers;
        }

        /** Asks replicas until {@code count} were asked: those that fail synchronously are replaced, not added to. */
        void askFirst(int count) {
            while (askedFewerThan(count)) {
                askNext();
            }
        }

        private synchronized boolean askedFewerThan(int count) {
            return next < count;
        }

        /** Asks one more replica, unless the quorum is already decided: a replacement or a speculative ask. */
        void askAnother() {
            if (!answers.quorum().isDone()) {
                askNext();
            }
        }

        void askNext() {
            NodeId node;
            synchronized (this) {
                if (next == nodes.size()) {
                    return;
                }
                node = nodes.get(next++);
            }
            Futures.safely(() -> replicas.get(node, key)).whenComplete((value, error) -> {
                if (error == null) {
                    answers.succeeded(new NodeResponse<>(node, value == null ? Optional.empty() : value));
                } else {
                    answers.failed(node, error);
                    askAnother();
                }
            });
        }

        synchronized boolean anyLeft() {
            return next < nodes.size();
        }

        /** Asks no one else; returns how many were never asked. */
        synchronized int close() {
            int left = nodes.size() - next;
            next = nodes.size();
            return left;
        }
    }
}
