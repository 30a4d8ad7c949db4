package io.practicalsystems.crawler.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.practicalsystems.testsupport.Gens;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The fast {@link SimHash} gives exactly the values of {@link SimHashReference}, the plain definition: fingerprints
 * are stored and compared across versions, so any difference would be a silent change of meaning.
 */
class SimHashOraclePropertyTest {

    /** Words that repeat (so shingles repeat and votes tie), in mixed case, with separators of several kinds. */
    private static final Gen<String> WORDY = Gens.listsOf(Generate.pick(List.of("harbour", "Town", "WOKE", "42nd",
            "café", "Straße", "ｆｕｌｌ", "x", "a1", "ǅemal", "İstanbul", " ", ", ", "\n", "-", "!  ", "…", "½")),
            0, 60).map(parts -> String.join("", parts)).describedAs(Gens::readable);

    /** Long ASCII texts: hundreds of shingles, past the vote counters' flush every 255. */
    private static final Gen<String> LONG_ASCII = Gens.listsOf(Generate.pick(List.of("crawler", "Frontier", "page",
            "LEASE", "7", "b2b", " ", " ", ". ", "\t")), 500, 1400).map(parts -> String.join("", parts));

    @Test
    void sameAsTheDefinitionOnWordyTexts() {
        qt().forAll(WORDY, integers().between(1, 5)).checkAssert((text, width) ->
                assertThat(SimHash.of(text, width)).as(Gens.readable(text)).isEqualTo(SimHashReference.of(text,
                        width)));
    }

    @Test
    void sameAsTheDefinitionOnAnyCharacters() {
        qt().forAll(Gens.anyChars(0, 80), integers().between(1, 4)).checkAssert((text, width) -> {
            assertThat(SimHash.of(text, width)).isEqualTo(SimHashReference.of(text, width));
            assertThat(SimHash.words(text)).isEqualTo(SimHashReference.words(text));
        });
    }

    @Test
    void sameAsTheDefinitionOnLatinOneAndAsciiMixes() {
        qt().forAll(Gens.stringsOf("aBz09 .,\t\u00e9\u00c9\u00df\u00aa\u00b2\u00bd\u00ff\u00a0-", 0, 120))
                .checkAssert(text -> assertThat(SimHash.of(text)).isEqualTo(SimHashReference.of(text, 3)));
    }

    @Test
    void sameAsTheDefinitionOnLongTexts() {
        qt().withExamples(40).forAll(LONG_ASCII, integers().between(1, 4)).checkAssert((text, width) ->
                assertThat(SimHash.of(text, width)).isEqualTo(SimHashReference.of(text, width)));
    }

    /** The repeated texts make every shingle alike: a bit set in all of them fills a vote counter byte (255). */
    @Test
    void sameAsTheDefinitionOnTheTestArticlesAndRepeats() {
        for (String text : List.of(SimHashTest.ARTICLE, SimHashTest.ARTICLE_EDITED, SimHashTest.UNRELATED,
                SimHashTest.ARTICLE.repeat(40), "spam ".repeat(700), "Spam eggs ".repeat(600))) {
            assertThat(SimHash.of(text)).isEqualTo(SimHashReference.of(text, SimHash.DEFAULT_SHINGLE_WORDS));
        }
    }
}
