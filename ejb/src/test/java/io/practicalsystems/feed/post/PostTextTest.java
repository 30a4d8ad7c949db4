package io.practicalsystems.feed.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void lengthIsCountedInCodePoints() {
        String emoji = "😀".repeat(500); // 1000 UTF-16 units, 500 characters
        assertThat(PostText.check("text", emoji, false)).isEqualTo(emoji);
        assertThatThrownBy(() -> PostText.check("text", emoji + "x", false))
                .isInstanceOf(PostText.InvalidTextException.class).hasMessageContaining("501 characters");
    }

    @Test
    void emptyOrBlankTextIsRefusedUnlessOptional() {
        assertThatThrownBy(() -> PostText.check("text", "  \n ", false)).hasMessage("text must not be empty");
        assertThatThrownBy(() -> PostText.check("text", null, false)).hasMessage("text must not be empty");
        assertThat(PostText.check("text", null, true)).isEmpty();
    }

    @Test
    void textIsStrippedAndControlCharactersOtherThanNewlinesAndTabsAreRefused() {
        assertThat(PostText.check("text", "  a\n\tb  ", false)).isEqualTo("a\n\tb");
        assertThatThrownBy(() -> PostText.check("text", "a\u0000b", false)).hasMessageContaining("U+0000");
    }
}
