package io.practicalsystems.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackendChoiceTest {

    @Test
    void configuredUrlIsUsedAndNothingEmbeddedEvenIfItDoesNotAnswer() {
        BackendChoice choice = BackendChoice.resolve("redis", "redis",
                Optional.of("redis://cache.prod:6379"), 6379, port -> false);
        assertThat(choice.uri()).isEqualTo("redis://cache.prod:6379");
        assertThat(choice.startEmbedded()).isFalse();
        assertThat(choice.description()).contains("external").contains("configured");
        assertThat(choice.mode()).isEqualTo(BackendMode.EXTERNAL);
    }

    @Test
    void nothingConfiguredAndSomethingAnsweringUsesTheLocalServer() {
        BackendChoice choice = BackendChoice.resolve("redis", "redis", Optional.empty(), 6379, port -> port == 6379);
        assertThat(choice.uri()).isEqualTo("redis://127.0.0.1:6379");
        assertThat(choice.startEmbedded()).isFalse();
        assertThat(choice.mode()).isEqualTo(BackendMode.LOCAL);
    }

    @Test
    void nothingConfiguredAndNothingAnsweringStartsEmbeddedOnTheDefaultPort() {
        BackendChoice choice = BackendChoice.resolve("mongodb", "mongodb", Optional.of("  "), 27017, port -> false);
        assertThat(choice.uri()).isEqualTo("mongodb://127.0.0.1:27017");
        assertThat(choice.startEmbedded()).isTrue();
        assertThat(choice.port()).isEqualTo(27017);
        assertThat(choice.description()).startsWith("embedded mongodb");
        assertThat(choice.mode()).isEqualTo(BackendMode.EMBEDDED);
    }

    @Test
    void credentialsNeverReachTheDescription() {
        BackendChoice choice = BackendChoice.resolve("redis", "redis",
                Optional.of("redis://app:s3cret@cache:6379/0"), 6379, port -> true);
        assertThat(choice.description()).doesNotContain("s3cret").contains("app:****@cache");
    }

    @Test
    void rejectsImpossibleDefaultPort() {
        assertThatThrownBy(() -> BackendChoice.resolve("redis", "redis", Optional.empty(), 0, p -> false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
