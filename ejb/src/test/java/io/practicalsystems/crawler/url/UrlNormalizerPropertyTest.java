package io.practicalsystems.crawler.url;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.practicalsystems.testsupport.Gens;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class UrlNormalizerPropertyTest {

    /** URL-ish pieces, so that most drawn strings get far into the parser, plus any characters at all. */
    private static final Gen<String> URLISH = Gens.listsOf(Generate.pick(java.util.List.of(
            "http://", "HTTPS://", "Ex.COM", "bücher", ".", "..", "/", "\\", "%", "%2e", "%7E", "%zz", "?", "#", "&",
            "=", ";jsessionid=1", ";", ":", ":80", ":443", ":8080", "@", "[::1]", "[", "]", " ", "\t", "é", "\uD800",
            "a", "sid=2", "x=1", "ftp:", "\u3002", "xn--")), 0, 12).map(parts -> String.join("", parts));

    private static final Gen<String> ANY = Gens.anyChars(0, 40);

    private static final UrlNormalizer[] NORMALIZERS = {
        new UrlNormalizer(), new UrlNormalizer(new NormalizationOptions(true, Set.of("x", "sid")))};

    @Test
    void normalisingIsIdempotentAndOnlyEverThrowsInvalidUrl() {
        qt().forAll(URLISH.mix(ANY, 30), Generate.range(0, 1)).checkAssert((raw, which) -> {
            UrlNormalizer normalizer = NORMALIZERS[which];
            NormalizedUrl once;
            try {
                once = normalizer.normalize(raw);
            } catch (InvalidUrlException e) {
                assertThat(e.getMessage()).isNotBlank();
                return;
            }
            assertThat(normalizer.normalize(once.value())).isEqualTo(once);
        });
    }

    @Test
    void resolvedLinksAreNormalAndResolutionOnlyEverThrowsInvalidUrl() {
        NormalizedUrl base = new UrlNormalizer().normalize("http://example.com/a/b;p?q=1");
        qt().forAll(URLISH.mix(ANY, 30)).checkAssert(href -> {
            UrlNormalizer normalizer = NORMALIZERS[0];
            NormalizedUrl resolved;
            try {
                resolved = normalizer.resolve(href, base);
            } catch (InvalidUrlException e) {
                return;
            }
            assertThat(normalizer.normalize(resolved.value())).isEqualTo(resolved);
        });
    }
}
