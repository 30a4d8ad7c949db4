package io.practicalsystems.kv.peer.client;

import io.practicalsystems.kv.peer.KvWire;
import io.practicalsystems.kv.storage.ObjectLimitExceededException;
import jakarta.json.bind.Jsonb;
import java.nio.charset.StandardCharsets;

/**
 * A coordinator's refusal of a write forwarded to it ({@link KvWire.LimitRefusal}), read back on the forwarding node
 * by either transport: as the {@link ObjectLimitExceededException} the coordinator threw, so the client gets the same
 * 409/413 as from a coordinator that refuses its own write.
 */
final class LimitRefusals {

    private LimitRefusals() {
    }

    /**
     * The exception to fail the forwarded write to {@code key} with. A body that is no refusal (a proxy's or a
     * container's 413, an old node's problem+json) gives {@link IllegalStateException}: the outcome is unknown. Never
     * {@link IllegalArgumentException}, which the node takes for the coordinator's verdict on the client's input.
     */
    static RuntimeException read(Jsonb jsonb, String key, byte[] body, String from) {
        try {
            KvWire.LimitRefusal refusal = jsonb.fromJson(new String(body, StandardCharsets.UTF_8),
                    KvWire.LimitRefusal.class);
            return KvWire.refusal(key, refusal);
        } catch (RuntimeException e) { // JSON-B's own exception or our decoder's IllegalArgumentException
            return new IllegalStateException(from + " is not a readable limit refusal: "
                    + new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8), e);
        }
    }
}
