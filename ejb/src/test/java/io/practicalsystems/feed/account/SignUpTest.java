package io.practicalsystems.feed.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SignUpTest {

    private static final String PASSWORD = "correct horse battery";

    @Test
    void aValidSignUpKeepsThePasswordAsSentAndNormalizesTheHandle() {
        SignUp signUp = SignUp.validate("Alice", " spaces count ", "Alice Liddell");

        assertThat(signUp.handle()).isEqualTo("alice");
        assertThat(signUp.password()).isEqualTo(" spaces count ");
        assertThat(signUp.displayName()).isEqualTo("Alice Liddell");
        assertThat(signUp.toString()).doesNotContain("spaces count");
    }

    @Test
    void withoutADisplayNameTheHandleIsIt() {
        assertThat(SignUp.validate("Alice", PASSWORD, null).displayName()).isEqualTo("alice");
        assertThat(SignUp.validate("Alice", PASSWORD, "   ").displayName()).isEqualTo("alice");
        assertThat(SignUp.validate("Alice", PASSWORD, "  Al  ").displayName()).isEqualTo("Al");
    }

    @Test
    void aPasswordHasEightTo128CodePoints() {
        assertThat(SignUp.validate("alice", "12345678", null)).isNotNull();
        assertThat(SignUp.validate("alice", "x".repeat(128), null)).isNotNull();
        // 128 emoji: 256 UTF-16 units, 128 characters
        assertThat(SignUp.validate("alice", "😀".repeat(128), null)).isNotNull();
        assertRefused("1234567", "password", "has 7");
        assertRefused("x".repeat(129), "password", "has 129");
        assertRefused("😀".repeat(129), "password", "has 129");
        assertThatThrownBy(() -> SignUp.validate("alice", null, null)).hasMessageContaining("required");
    }

    @Test
    void aHugePasswordIsRefusedWithoutCountingIt() {
        assertThat(SignUp.passwordLengthAllowed("x".repeat(10_000_000))).isFalse();
    }

    @Test
    void aDisplayNameHasAtMost50CodePointsAndNoControlCharacters() {
        assertThat(SignUp.validate("alice", PASSWORD, "é".repeat(50)).displayName()).hasSize(50);
        assertThat(SignUp.validate("alice", PASSWORD, "😀".repeat(50)).displayName()).hasSize(100);
        assertThatThrownBy(() -> SignUp.validate("alice", PASSWORD, "x".repeat(51)))
                .isInstanceOf(InvalidAccountInputException.class).hasMessageContaining("has 51");
        assertThatThrownBy(() -> SignUp.validate("alice", PASSWORD, "two\nlines"))
                .hasMessageContaining("control characters");
    }

    @Test
    void theHandleIsCheckedFirst() {
        assertThatThrownBy(() -> SignUp.validate("a", "short", null))
                .satisfies(e -> assertThat(((InvalidAccountInputException) e).field()).isEqualTo("handle"));
    }

    private static void assertRefused(String password, String field, String message) {
        assertThatThrownBy(() -> SignUp.validate("alice", password, null))
                .isInstanceOf(InvalidAccountInputException.class).hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidAccountInputException) e).field()).isEqualTo(field));
    }
}
