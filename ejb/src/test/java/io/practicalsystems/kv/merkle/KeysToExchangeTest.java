package io.practicalsystems.kv.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeysToExchangeTest {

    static byte[] d(String version) {
        return version.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void splitsKeysByDirection() {
        Map<String, byte[]> ours = Map.of("same", d("1"), "changed", d("1"), "only-ours", d("1"));
        Map<String, byte[]> theirs = Map.of("same", d("1"), "changed", d("2"), "only-theirs", d("1"));

        KeysToExchange exchange = KeysToExchange.between(ours, theirs);

        assertThat(exchange.onlyOurs()).containsExactly("only-ours");
        assertThat(exchange.onlyTheirs()).containsExactly("only-theirs");
        assertThat(exchange.differing()).containsExactly("changed");
        assertThat(exchange.all()).containsExactly("changed", "only-ours", "only-theirs");
        assertThat(exchange.isEmpty()).isFalse();
    }

    @Test
    void equalContentsExchangeNothing() {
        assertThat(KeysToExchange.between(Map.of("k", d("1")), Map.of("k", d("1"))).isEmpty()).isTrue();
        assertThat(KeysToExchange.between(Map.of(), Map.of()).all()).isEmpty();
    }
}
