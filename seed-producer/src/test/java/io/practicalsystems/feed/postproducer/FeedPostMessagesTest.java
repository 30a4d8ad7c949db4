package io.practicalsystems.feed.postproducer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedPostMessagesTest {

    private static final BufferedReader NO_INPUT = new BufferedReader(new StringReader(""));

    @Test
    void eachArgumentIsAPostWithAnIdOfItsRun() throws Exception {
        FeedPostMessages.Input input = FeedPostMessages.read(new String[] {"--reply-to", "42", "hello", " world "},
                NO_INPUT);
        List<String> messages = FeedPostMessages.messages(input, "tok", "run-7");

        assertThat(messages).hasSize(2);
        JsonObject second = Json.createReader(new StringReader(messages.get(1))).readObject();
        assertThat(second.getString("token")).isEqualTo("tok");
        assertThat(second.getString("text")).isEqualTo("world");
        assertThat(second.getString("replyTo")).isEqualTo("42");
        assertThat(second.getString("id")).isEqualTo("run-7:1");
    }

    @Test
    void withoutTextArgumentsEachNonBlankLineIsAPost() throws Exception {
        FeedPostMessages.Input input = FeedPostMessages.read(new String[0],
                new BufferedReader(new StringReader("first\n\n#second\n")));

        assertThat(input.texts()).containsExactly("first", "#second");
        assertThat(input.replyTo()).isNull();
    }

    @Test
    void refusesWhatTheFeedWouldRefuseBeforeSending() {
        String tooLong = "😀".repeat(FeedPostMessages.MAX_CODE_POINTS + 1);

        assertThatThrownBy(() -> FeedPostMessages.read(new String[] {"ok", tooLong}, NO_INPUT))
                .hasMessageContaining("post 2 is 501 characters long");
        assertThatThrownBy(() -> FeedPostMessages.read(new String[] {"--reply-to", "x"}, NO_INPUT))
                .hasMessageContaining("--reply-to");
        assertThatThrownBy(() -> FeedPostMessages.read(new String[0], NO_INPUT)).hasMessageContaining("usage");
        assertThat(FeedPostMessages.validRunId("a b")).isFalse();
        assertThat(FeedPostMessages.validRunId("2026-12-05.run_1")).isTrue();
    }
}
