package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class Base62PropertyTest {

    /** Codes compared as the store's index should: shorter first, then character by character. */
    private static final Comparator<String> BY_LENGTH_THEN_STRING =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    record Pair(long a, long b) {
    }

    @Test
    void decodeInvertsEncode() {
        qt().forAll(nonNegativeLongs()).checkAssert(value -> {
            String code = Base62.encode(value);

            assertThat(Base62.decode(code)).isEqualTo(value);
            assertThat(code).hasSizeBetween(1, Base62.MAX_LENGTH);
            assertThat(Base62.isBase62(code)).isTrue();
        });
    }

    @Test
    void encodeInvertsDecodeForCanonicalCodes() {
        qt().forAll(canonicalCodes())
                .checkAssert(code -> assertThat(Base62.encode(Base62.decode(code))).isEqualTo(code));
    }

    @Test
    void equalLengthCodesSortLikeTheirValues() {
        qt().forAll(sameLengthPairs()).checkAssert(p -> {
            String a = Base62.encode(p.a());
            String b = Base62.encode(p.b());

            assertThat(a).hasSameSizeAs(b);
            assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(Long.compare(p.a(), p.b())));
        });
    }

    @Test
    void lengthThenStringOrderIsNumericOrder() {
        qt().forAll(nonNegativeLongs(), nonNegativeLongs()).checkAssert((a, b) -> {
            int codeOrder = BY_LENGTH_THEN_STRING.compare(Base62.encode(a), Base62.encode(b));

            assertThat(Integer.signum(codeOrder)).isEqualTo(Integer.signum(Long.compare(a, b)));
        });
    }

    private static Gen<Long> nonNegativeLongs() {
        return longs().between(0, Long.MAX_VALUE);
    }

    /** Two values whose codes have the same length: random pairs of longs would nearly always both be 11 long. */
    private static Gen<Pair> sameLengthPairs() {
        return integers().between(1, Base62.MAX_LENGTH).flatMap(length -> {
            long min = length == 1 ? 0 : pow62(length - 1);
            long max = length == Base62.MAX_LENGTH ? Long.MAX_VALUE : pow62(length) - 1;
            Gen<Long> values = longs().between(min, max);
            return values.zip(values, Pair::new);
        });
    }

    /** Up to 10 characters (always in range), no leading zero. */
    private static Gen<String> canonicalCodes() {
        Gen<String> first = Gens.stringsOf(Base62.ALPHABET.substring(1), 1, 1);
        Gen<String> rest = Gens.stringsOf(Base62.ALPHABET, 0, 9);
        return first.zip(rest, String::concat).mix(Generate.constant("0"), 10);
    }

    private static long pow62(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= Base62.BASE;
        }
        return result;
    }
}
