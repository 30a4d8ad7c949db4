package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

class Base62PropertyTest {

    /** Codes compared as the store's index should: shorter first, then character by character. */
    private static final Comparator<String> BY_LENGTH_THEN_STRING =
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());

    record Pair(long a, long b) {
    }

    @Property
    void decodeInvertsEncode(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value) {
        String code = Base62.encode(value);

        assertThat(Base62.decode(code)).isEqualTo(value);
        assertThat(code).hasSizeBetween(1, Base62.MAX_LENGTH);
        assertThat(Base62.isBase62(code)).isTrue();
    }

    @Property
    void encodeInvertsDecodeForCanonicalCodes(@ForAll("canonicalCodes") String code) {
        assertThat(Base62.encode(Base62.decode(code))).isEqualTo(code);
    }

    @Property
    void equalLengthCodesSortLikeTheirValues(@ForAll("sameLengthPairs") Pair p) {
        String a = Base62.encode(p.a());
        String b = Base62.encode(p.b());

        assertThat(a).hasSameSizeAs(b);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(Long.compare(p.a(), p.b())));
    }

    @Property
    void lengthThenStringOrderIsNumericOrder(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long a,
            @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long b) {
        int codeOrder = BY_LENGTH_THEN_STRING.compare(Base62.encode(a), Base62.encode(b));

        assertThat(Integer.signum(codeOrder)).isEqualTo(Integer.signum(Long.compare(a, b)));
    }

    /** Two values whose codes have the same length: random pairs of longs would nearly always both be 11 long. */
    @Provide
    Arbitrary<Pair> sameLengthPairs() {
        return Arbitraries.integers().between(1, Base62.MAX_LENGTH).flatMap(length -> {
            long min = length == 1 ? 0 : pow62(length - 1);
            long max = length == Base62.MAX_LENGTH ? Long.MAX_VALUE : pow62(length) - 1;
            Arbitrary<Long> values = Arbitraries.longs().between(min, max);
            return Combinators.combine(values, values).as(Pair::new);
        });
    }

    /** Up to 10 characters (always in range), no leading zero. */
    @Provide
    Arbitrary<String> canonicalCodes() {
        Arbitrary<Character> first = Arbitraries.of(Base62.ALPHABET.substring(1).toCharArray());
        Arbitrary<String> rest = Arbitraries.strings().withChars(Base62.ALPHABET.toCharArray()).ofMaxLength(9);
        return Arbitraries.oneOf(Arbitraries.just("0"), Combinators.combine(first, rest).as((f, r) -> f + r));
    }

    private static long pow62(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= Base62.BASE;
        }
        return result;
    }
}
