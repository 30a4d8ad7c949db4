package io.practicalsystems.feed.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HandlesTest {

    @Test
    void aHandleIsStoredLowerCase() {
        assertThat(Handles.normalize("Alice_01")).isEqualTo("alice_01");
        assertThat(Handles.normalize("BOB")).isEqualTo(Handles.normalize("bob"));
    }

    @Test
    void threeToThirtyCharactersAreAllowed() {
        assertThat(Handles.normalize("abc")).isEqualTo("abc");
        assertThat(Handles.normalize("a".repeat(30))).hasSize(30);
        assertThatThrownBy(() -> Handles.normalize("ab")).isInstanceOf(InvalidAccountInputException.class)
                .hasMessageContaining("3 to 30").hasMessageContaining("has 2");
        assertThatThrownBy(() -> Handles.normalize("a".repeat(31))).hasMessageContaining("has 31");
    }

    @Test
    void onlyLettersDigitsAndUnderscoreAreAllowed() {
        for (String bad : new String[] {"al ice", "al-ice", "al.ice", "alice!", "ålice", "al\u0000ice", "alice\n",
                "ali😀ce"}) {
            assertThatThrownBy(() -> Handles.normalize(bad)).as(bad).isInstanceOf(InvalidAccountInputException.class)
                    .satisfies(e -> assertThat(((InvalidAccountInputException) e).field()).isEqualTo("handle"));
        }
    }

    /** U+212A KELVIN SIGN lower-cases to an ASCII k: it must not sneak in as "kate". */
    @Test
    void charactersThatLowerCaseIntoTheAlphabetAreRefused() {
        assertThat("\u212Aate".toLowerCase(java.util.Locale.ROOT)).isEqualTo("kate");
        assertThatThrownBy(() -> Handles.normalize("\u212Aate")).isInstanceOf(InvalidAccountInputException.class);
        assertThatThrownBy(() -> Handles.normalize("\u0130van")).isInstanceOf(InvalidAccountInputException.class);
    }

    @Test
    void aMissingHandleIsRefused() {
        assertThatThrownBy(() -> Handles.normalize(null)).hasMessageContaining("required");
        assertThatThrownBy(() -> Handles.normalize("")).hasMessageContaining("required");
    }

    @Test
    void lookUpsTreatAnInvalidHandleAsNobodys() {
        assertThat(Handles.normalized("Alice")).contains("alice");
        assertThat(Handles.normalized("no such handle")).isEmpty();
        assertThat(Handles.normalized(null)).isEmpty();
    }
}
