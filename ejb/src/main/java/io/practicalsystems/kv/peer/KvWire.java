package io.practicalsystems.kv.peer;

import io.practicalsystems.kv.coordinator.QuorumNotReachedException;
import io.practicalsystems.kv.coordinator.RequestOverrides;
import io.practicalsystems.kv.node.ClientWrite;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.node.KeyedCopy;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import io.practicalsystems.kv.storage.SiblingSetCodec;
import io.practicalsystems.kv.version.CausalContext;
import io.practicalsystems.kv.version.Dot;
import io.practicalsystems.kv.version.DottedVersionVectorSet;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON bodies of node-to-node calls ({@code /api/kv-internal/...}): records of strings and numbers, with sibling
 * sets as base64 of their {@link SiblingSetCodec} form. Decoding is strict: anything malformed throws
 * {@link IllegalArgumentException}, which the receiving endpoint answers with 400.
 */
public final class KvWire {

    private KvWire() {
    }

    /** A key's copy: {@code copy} is base64 of the codec bytes. */
    public record Copy(String key, String copy) {
    }

    /** A forwarded client write; {@code value} null for a delete; {@code r}/{@code w} 0 when not overridden. */
    public record Write(String key, String context, String value, int r, int w) {
    }

    public record WriteResult(String context, List<String> values, int tombstones, String dotNode, long dotCounter,
                              String coordinator, List<String> acknowledgedBy, boolean usedHints) {
    }

    /** A coordinator's quorum failure, sent back to the node that forwarded the write. */
    public record QuorumFailure(String operation, int needed, int answered, int contacted, List<String> failedNodes) {
    }

    /**
     * A coordinator's refusal of a forwarded write that would take its key past one of its object limits (nothing was
     * stored): {@code limit} is {@code BYTES} or {@code SIBLINGS}. The key is the forwarded write's own, so it is not
     * repeated.
     */
    public record LimitRefusal(String limit, long allowed, long actual) {
    }

    /** {@code exchange}: the anti-entropy exchange's id, or null (a fresh scan). */
    public record DigestRequest(long start, long end, int depth, List<Integer> buckets, String exchange) {
    }

    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static byte[] unbase64(String text, String what) {
        if (text == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " is not base64: " + e.getMessage(), e);
        }
    }

    public static Copy copy(KeyedCopy copy) {
        return new Copy(copy.key(), base64(SiblingSetCodec.encode(copy.copy())));
    }

    public static KeyedCopy copy(Copy copy) {
        if (copy == null || copy.key() == null) {
            throw new IllegalArgumentException("copy without a key");
        }
        return new KeyedCopy(copy.key(), SiblingSetCodec.decode(unbase64(copy.copy(), "copy of " + copy.key())));
    }

    public static DottedVersionVectorSet<Blob> siblings(byte[] codecBytes) {
        return SiblingSetCodec.decode(codecBytes);
    }

    public static Write write(ClientWrite write) {
        return new Write(write.key(), write.context().encode(),
                write.value().map(v -> base64(v.bytes())).orElse(null),
                write.overrides().r().orElse(0), write.overrides().w().orElse(0));
    }

    public static ClientWrite write(Write write) {
        if (write == null || write.key() == null) {
            throw new IllegalArgumentException("forwarded write without a key");
        }
        CausalContext context = write.context() == null ? CausalContext.empty() : CausalContext.decode(write.context());
        RequestOverrides overrides = new RequestOverrides(
                write.r() > 0 ? OptionalInt.of(write.r()) : OptionalInt.empty(),
                write.w() > 0 ? OptionalInt.of(write.w()) : OptionalInt.empty());
        Optional<Blob> value = write.value() == null ? Optional.empty()
                : Optional.of(Blob.of(unbase64(write.value(), "value")));
        return new ClientWrite(write.key(), context, value, overrides);
    }

    public static WriteResult result(ClientWriteResult r) {
        return new WriteResult(r.context().encode(), r.values().stream().map(v -> base64(v.bytes())).toList(),
                r.tombstones(), r.dot().node().value(), r.dot().counter(), r.coordinator().value(),
                r.acknowledgedBy().stream().map(NodeId::value).toList(), r.usedHints());
    }

    public static ClientWriteResult result(WriteResult r) {
        return new ClientWriteResult(CausalContext.decode(r.context()),
                r.values().stream().map(v -> Blob.of(unbase64(v, "value"))).toList(), r.tombstones(),
                new Dot(NodeId.of(r.dotNode()), r.dotCounter()), NodeId.of(r.coordinator()),
                r.acknowledgedBy().stream().map(NodeId::of).toList(), r.usedHints());
    }

    public static QuorumFailure failure(QuorumNotReachedException e) {
        return new QuorumFailure(e.operation(), e.needed(), e.answered(), e.contacted(),
                e.failedNodes().stream().map(NodeId::value).toList());
    }

    public static QuorumNotReachedException failure(QuorumFailure f) {
        return new QuorumNotReachedException(f.operation(), f.needed(), f.answered(), f.contacted(),
                f.failedNodes().stream().map(NodeId::of).toList());
    }

    public static LimitRefusal refusal(ObjectLimitExceededException e) {
        return new LimitRefusal(e.limit().name(), e.allowed(), e.actual());
    }

    /** The refusal of the write to {@code key}, as the coordinator's own exception; strict, like every decoder here. */
    public static ObjectLimitExceededException refusal(String key, LimitRefusal r) {
        if (r == null || r.limit() == null) {
            throw new IllegalArgumentException("limit refusal without a limit");
        }
        ObjectLimitExceededException.Limit limit;
        try {
            limit = ObjectLimitExceededException.Limit.valueOf(r.limit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown object limit '" + r.limit() + "'", e);
        }
        if (r.allowed() < 0 || r.actual() <= r.allowed()) {
            throw new IllegalArgumentException("a limit refusal needs 0 <= allowed < actual, got " + r.allowed()
                    + " and " + r.actual());
        }
        return ObjectLimitExceededException.reported(key, limit, r.allowed(), r.actual());
    }
}
