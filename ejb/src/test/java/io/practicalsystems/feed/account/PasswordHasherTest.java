package io.practicalsystems.feed.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void aHashIsArgon2idWithItsParametersAndMatchesOnlyItsPassword() {
        String hash = hasher.hash("correct horse battery");

        assertThat(hash).startsWith("$argon2id$v=19$m=" + PasswordHasher.MEMORY_KIB + ",t=" + PasswordHasher.PASSES
                + ",p=1$").doesNotContain("correct horse");
        assertThat(hasher.matches("correct horse battery", hash)).isTrue();
        assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
        assertThat(hasher.matches("", hash)).isFalse();
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hasher.hash("correct horse battery"));
    }

    @Test
    void nothingMatchesAMissingOrMalformedHash() {
        assertThat(hasher.matches("correct horse battery", null)).isFalse();
        assertThat(hasher.matches("correct horse battery", "not a hash")).isFalse();
        assertThat(hasher.matchesNobody("no account has this password: it only costs the same time")).isFalse();
    }
}
