package io.practicalsystems.kv.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.practicalsystems.kv.ring.NodeId;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContextTokensTest {

    private static final ContextTokens TOKENS = ContextTokens.withKey(ContextTokens.keyFromSecret("cluster secret"));
    private static final CausalContext CONTEXT = CausalContext.of(VersionVector.of(Map.of(NodeId.of("kv-1"), 3L,
            NodeId.of("kv-2"), 1L)));

    @Test
    void aTokenThisClusterIssuedGivesBackItsContext() {
        String token = TOKENS.issue("cart", CONTEXT);

        assertThat(TOKENS.verify("cart", token)).isEqualTo(CONTEXT);
        assertThat(TOKENS.verify("cart", TOKENS.issue("cart", CausalContext.empty()))).isEqualTo(CausalContext.empty());
        assertThat(ContextTokens.withKey(ContextTokens.keyFromSecret("cluster secret")).verify("cart", token))
                .as("every node derives the same key from the secret").isEqualTo(CONTEXT);
    }

    @Test
    void aWellFormedButForgedContextIsRefused() {
        String forged = CausalContext.of(VersionVector.of(Map.of(NodeId.of("kv-1"), Long.MAX_VALUE - 1))).encode();

        assertThatThrownBy(() -> TOKENS.verify("cart", forged)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a causal context this cluster issued");
    }

    @Test
    void anAlteredTokenIsRefused() {
        byte[] bytes = Base64.getUrlDecoder().decode(TOKENS.issue("cart", CONTEXT));
        bytes[bytes.length - 1]++; // kv-2's counter 1 -> 2
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> TOKENS.verify("cart", altered)).hasMessageContaining("altered");
    }

    @Test
    void aTokenIsValidForItsKeyAndItsClusterOnly() {
        String token = TOKENS.issue("cart", CONTEXT);

        assertThatThrownBy(() -> TOKENS.verify("other", token)).hasMessageContaining("another key");
        ContextTokens otherCluster = ContextTokens.withKey(ContextTokens.keyFromSecret("another secret"));
        assertThatThrownBy(() -> otherCluster.verify("cart", token)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedTokensAreRefused() {
        String token = TOKENS.issue("cart", CONTEXT);

        assertThatThrownBy(() -> TOKENS.verify("cart", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TOKENS.verify("cart", "not base64!")).hasMessageContaining("base64url");
        assertThatThrownBy(() -> TOKENS.verify("cart", token + "=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TOKENS.verify("cart", "AgAA")).hasMessageContaining("unknown format");
        assertThatThrownBy(() -> TOKENS.verify("cart", "A".repeat(CausalContextCodec.MAX_TOKEN_CHARS + 1)))
                .hasMessageContaining("longer than");
        assertThatThrownBy(() -> ContextTokens.withKey(new byte[8])).isInstanceOf(IllegalArgumentException.class);
    }
}
