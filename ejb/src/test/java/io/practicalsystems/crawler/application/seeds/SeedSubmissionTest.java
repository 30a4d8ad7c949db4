package io.practicalsystems.crawler.application.seeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeedSubmissionTest {

    @Test
    void readsTheCrawlIdAndTheUrlsAsSent() {
        SeedSubmission s = SeedSubmission.fromJson(
                "{\"crawlId\":\"122622283315224576\",\"seeds\":[\"https://a.example/\",\"not even a URL\"]}");
        assertThat(s.crawlId()).isEqualTo("122622283315224576");
        assertThat(s.seeds()).containsExactly("https://a.example/", "not even a URL");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''|empty",
        "not json|not a JSON object",
        "[1,2]|not a JSON object",
        "{\"seeds\":[\"https://a.example/\"]}|crawlId",
        "{\"crawlId\":42,\"seeds\":[\"https://a.example/\"]}|crawlId",
        "{\"crawlId\":\"42x\",\"seeds\":[\"https://a.example/\"]}|crawlId",
        "{\"crawlId\":\"12345678901234567890\",\"seeds\":[\"https://a.example/\"]}|crawlId",
        "{\"crawlId\":\"42\"}|non-empty list",
        "{\"crawlId\":\"42\",\"seeds\":[]}|non-empty list",
        "{\"crawlId\":\"42\",\"seeds\":\"https://a.example/\"}|non-empty list",
        "{\"crawlId\":\"42\",\"seeds\":[\"https://a.example/\",7]}|seeds[1] is not a string"})
    void refusesWhatCanNeverBeTaken(String text, String reason) {
        assertThatThrownBy(() -> SeedSubmission.fromJson(text)).isInstanceOf(InvalidSeedSubmissionException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void boundsTheMessageTheUrlCountAndEachUrl() {
        String tooMany = "{\"crawlId\":\"42\",\"seeds\":[" + String.join(",",
                Collections.nCopies(SeedSubmission.MAX_SEEDS + 1, "\"https://a.example/\"")) + "]}";
        assertThatThrownBy(() -> SeedSubmission.fromJson(tooMany)).hasMessageContaining("at most 1000 URLs");
        String atLimit = "{\"crawlId\":\"42\",\"seeds\":[" + String.join(",",
                Collections.nCopies(SeedSubmission.MAX_SEEDS, "\"https://a.example/\"")) + "]}";
        assertThat(SeedSubmission.fromJson(atLimit).seeds()).hasSize(SeedSubmission.MAX_SEEDS);

        String longUrl = "https://a.example/" + "x".repeat(16_384);
        assertThatThrownBy(() -> SeedSubmission.fromJson("{\"crawlId\":\"42\",\"seeds\":[\"" + longUrl + "\"]}"))
                .hasMessageContaining("seeds[0] is longer than 16384");
        String huge = "{\"crawlId\":\"42\",\"seeds\":[\"https://a.example/\"],\"pad\":\""
                + "x".repeat(SeedSubmission.MAX_CHARS) + "\"}";
        assertThatThrownBy(() -> SeedSubmission.fromJson(huge)).hasMessageContaining("more than 262144");
    }
}
