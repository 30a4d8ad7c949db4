package io.practicalsystems.kv.rest;

import io.practicalsystems.kv.node.ClientReadResult;
import io.practicalsystems.kv.node.ClientWriteResult;
import io.practicalsystems.kv.ring.NodeId;
import io.practicalsystems.kv.storage.Blob;
import io.practicalsystems.kv.version.ContextTokens;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * JSON bodies of the KV API. Values are shown as text when every value is valid UTF-8, else base64 (then
 * {@code encoding} says so): learners read text, and binary values still round-trip.
 */
public final class KvJson {

    private KvJson() {
    }

    /**
     * @param siblings   how many live values (more than 1: concurrent writes to resolve)
     * @param tombstones concurrent deletes among the versions
     */
    public record Read(String key, List<String> values, String encoding, int siblings, int tombstones,
                       String context, List<String> answeredBy) {
    }

    public record Written(String key, String context, List<String> values, String encoding, int siblings,
                          int tombstones, String coordinator, List<String> acknowledgedBy, boolean usedHints) {
    }

    static Read read(String key, ClientReadResult r, ContextTokens tokens) {
        Values values = values(r.values());
        return new Read(key, values.texts, values.encoding, r.values().size(), r.tombstones(),
                tokens.issue(key, r.context()), r.answeredBy().stream().map(NodeId::value).toList());
    }

    static Written written(String key, ClientWriteResult r, ContextTokens tokens) {
        Values values = values(r.values());
        return new Written(key, tokens.issue(key, r.context()), values.texts, values.encoding, r.values().size(),
                r.tombstones(), r.coordinator().value(), r.acknowledgedBy().stream().map(NodeId::value).toList(),
                r.usedHints());
    }

    private record Values(List<String> texts, String encoding) {
    }

    private static Values values(List<Blob> blobs) {
        try {
            List<String> texts = new java.util.ArrayList<>();
            for (Blob blob : blobs) {
                texts.add(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(blob.bytes()))
                        .toString());
            }
            return new Values(texts, "utf-8");
        } catch (CharacterCodingException e) {
            return new Values(blobs.stream().map(b -> Base64.getEncoder().encodeToString(b.bytes())).toList(),
                    "base64");
        }
    }
}
