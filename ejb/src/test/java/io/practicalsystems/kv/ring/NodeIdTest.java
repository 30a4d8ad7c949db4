package io.practicalsystems.kv.ring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class NodeIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"kv-1", "10.0.0.7:9080", "node_A.eu-west"})
    void acceptsHostLikeNames(String name) {
        assertThat(NodeId.of(name).value()).isEqualTo(name);
        assertThat(NodeId.of(name)).hasToString(name);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "a#1", "has space", "naïve", "12345678901234567890123456789012345678901234567890123456789012345"})
    void rejectsNamesThatCannotBeHashedOrSentSafely(String name) {
        assertThatThrownBy(() -> NodeId.of(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("node ID must be 1..64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kv-1+1", "10.0.0.7:9080+42"})
    void actorNamesAreIdsButNotNodeNames(String actor) {
        assertThat(NodeId.of(actor).value()).isEqualTo(actor);
        assertThatThrownBy(() -> NodeId.of(actor).requireNodeName())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not contain '+'");
        assertThat(NodeId.of("kv-1").requireNodeName()).isEqualTo(NodeId.of("kv-1"));
    }
}
