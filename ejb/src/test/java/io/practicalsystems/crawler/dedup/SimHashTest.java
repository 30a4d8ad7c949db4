package io.practicalsystems.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimHashTest {

    static final String ARTICLE = """
            The harbour town woke slowly under a grey sky. Fishing boats came back before dawn with their nets
            half full, and the market opened late because the ice delivery was stuck on the coast road. Old
            traders complained about the price of diesel, the new regulations on catch sizes, and the tourists
            who photographed everything but bought nothing. By noon the sun broke through, the cafes filled with
            workers from the shipyard, and children ran along the sea wall chasing gulls. In the evening the
            council met to discuss the plan for a new breakwater, which engineers said would protect the inner
            basin from winter storms for the next fifty years, though nobody agreed on who should pay for it.
            """;

    /** {@link #ARTICLE} with one word changed and a sentence's punctuation and case altered. */
    static final String ARTICLE_EDITED = """
            The harbour town woke slowly under a grey sky. Fishing boats came back before dawn with their nets
            half empty, and the market opened late because the ice delivery was stuck on the coast road. Old
            traders complained about the price of diesel, the new regulations on catch sizes, and the tourists
            who photographed everything but bought nothing! BY NOON the sun broke through, the cafes filled with
            workers from the shipyard, and children ran along the sea wall chasing gulls. In the evening the
            council met to discuss the plan for a new breakwater, which engineers said would protect the inner
            basin from winter storms for the next fifty years, though nobody agreed on who should pay for it.
            """;

    static final String UNRELATED = """
            To configure the database connection pool, set the minimum and maximum number of connections in the
            server configuration file and restart the application. Each connection is validated before use with
            a lightweight query; connections that fail validation are closed and replaced. If requests time out
            waiting for a connection, either the pool is too small for the load or statements hold connections
            for too long. Enable statement logging to find slow queries, add indexes where the plans show full
            table scans, and consider a read replica for reporting workloads that do not need the latest data.
            """;

    @Test
    void identicalTextsHaveDistanceZeroWhateverTheirLayout() {
        String reflowed = ARTICLE.replace("\n", "  ").toUpperCase();

        assertThat(SimHash.hamming(SimHash.of(ARTICLE), SimHash.of(ARTICLE))).isZero();
        assertThat(SimHash.hamming(SimHash.of(ARTICLE), SimHash.of(reflowed))).isZero();
    }

    @Test
    void aSmallEditGivesASmallDistance() {
        assertThat(SimHash.hamming(SimHash.of(ARTICLE), SimHash.of(ARTICLE_EDITED))).isBetween(1, 10);
    }

    /** Measured: replacing any one of the article's 114 words moves 5 bits on average, 10 at most. */
    @Test
    void replacingAnyOneWordStaysNear() {
        String[] words = ARTICLE.split(" ");
        long original = SimHash.of(ARTICLE);
        for (int i = 0; i < words.length; i++) {
            String[] edited = words.clone();
            edited[i] = "zebra";
            assertThat(SimHash.hamming(original, SimHash.of(String.join(" ", edited)))).as("word %d", i)
                    .isLessThanOrEqualTo(12);
        }
    }

    @Test
    void unrelatedTextsGiveALargeDistance() {
        assertThat(SimHash.hamming(SimHash.of(ARTICLE), SimHash.of(UNRELATED))).isGreaterThanOrEqualTo(20);
        assertThat(SimHash.hamming(SimHash.of(ARTICLE_EDITED), SimHash.of(UNRELATED))).isGreaterThanOrEqualTo(20);
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsAfterNfkcAndLowerCase() {
        assertThat(SimHash.words("Ｆｕｌｌ-width, café's 42nd Straße!")).isEqualTo(
                List.of("full", "width", "café", "s", "42nd", "straße"));
        assertThat(SimHash.of(" \n ... ")).isZero();
        assertThat(SimHash.of("two words")).isEqualTo(SimHash.of("TWO   words."));
        assertThatThrownBy(() -> SimHash.of("x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fingerprintTellsExactFromNearDuplicates() {
        byte[] body = ("<p>" + ARTICLE + "</p>").getBytes(StandardCharsets.UTF_8);
        ContentFingerprint original = ContentFingerprint.of(ARTICLE, body);
        ContentFingerprint copy = ContentFingerprint.of(ARTICLE, body.clone());
        ContentFingerprint edited = ContentFingerprint.of(ARTICLE_EDITED,
                ("<p>" + ARTICLE_EDITED + "</p>").getBytes(StandardCharsets.UTF_8));
        ContentFingerprint other = ContentFingerprint.of(UNRELATED, UNRELATED.getBytes(StandardCharsets.UTF_8));

        assertThat(original.sha256Hex()).hasSize(64).matches("[0-9a-f]+");
        assertThat(copy.isExactDuplicateOf(original)).isTrue();
        assertThat(edited.isExactDuplicateOf(original)).isFalse();
        assertThat(edited.isNearDuplicateOf(original, 10)).isTrue();
        assertThat(other.isNearDuplicateOf(original, 10)).isFalse();
        assertThat(ContentFingerprint.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(original.simHashHex()).hasSize(16);
    }
}
