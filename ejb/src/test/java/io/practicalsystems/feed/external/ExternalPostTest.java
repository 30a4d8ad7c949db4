package io.practicalsystems.feed.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExternalPostTest {

    @Test
    void readsTokenTextReplyAndId() {
        ExternalPost post = ExternalPost.fromJson("{\"token\":\"t.o.k\",\"text\":\"hello\",\"replyTo\":\"42\","
                + "\"id\":\"run-1:0\"}");

        assertThat(post).isEqualTo(new ExternalPost("t.o.k", "hello", 42L, "run-1:0"));
        assertThat(post.toString()).doesNotContain("t.o.k");
    }

    @Test
    void replyToAndIdAreOptional() {
        assertThat(ExternalPost.fromJson("{\"token\":\"t\",\"text\":\"hi\",\"replyTo\":null}"))
                .isEqualTo(new ExternalPost("t", "hi", null, null));
    }

    @Test
    void refusesWhatCanNeverBePosted() {
        assertThatThrownBy(() -> ExternalPost.fromJson("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ExternalPost.fromJson("[1]")).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> ExternalPost.fromJson("{\"text\":\"hi\"}")).hasMessageContaining("\"token\"");
        assertThatThrownBy(() -> ExternalPost.fromJson("{\"token\":\"t\",\"text\":7}"))
                .hasMessageContaining("\"text\"");
        assertThatThrownBy(() -> ExternalPost.fromJson("{\"token\":\"t\",\"text\":\"hi\",\"replyTo\":\"x1\"}"))
                .hasMessageContaining("replyTo");
        assertThatThrownBy(() -> ExternalPost.fromJson("{\"token\":\"t\",\"text\":\"hi\",\"replyTo\":"
                + "\"99999999999999999999\"}")).hasMessageContaining("replyTo");
        assertThatThrownBy(() -> ExternalPost.fromJson("{\"token\":\"t\",\"text\":\"hi\",\"id\":\"a b\"}"))
                .hasMessageContaining("\"id\"");
    }

    @Test
    void refusesAMessageOverTheBoundBeforeReadingIt() {
        String big = "{\"token\":\"t\",\"text\":\"" + "x".repeat(ExternalPost.MAX_CHARS) + "\"}";

        assertThatThrownBy(() -> ExternalPost.fromJson(big)).isInstanceOf(InvalidExternalPostException.class)
                .hasMessageContaining("more than " + ExternalPost.MAX_CHARS);
    }
}
