package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The two halves of "aliases and generated codes never collide", checked with the loosest policy the rule allows
 * (shortest length 2, no reserved words) so that only the separator rule can be what separates them.
 */
class AliasCodeDisjointnessPropertyTest {

    private final AliasPolicy loosest = new AliasPolicy(2, Base62.MAX_LENGTH + 21, Set.of());

    @Property
    void noGeneratedCodeIsAValidAlias(@ForAll @LongRange(min = 62, max = Long.MAX_VALUE) long id) {
        String code = Base62.encode(id); // from 62 on, codes are at least 2 long, so length is not what rejects

        assertThatThrownBy(() -> loosest.validate(code))
                .isInstanceOf(InvalidLinkException.class)
                .hasMessageContaining("at least one '-' or '_'");
    }

    @Property
    void noValidAliasCanBeDecodedAsACode(@ForAll("aliasLike") String alias) {
        boolean valid;
        try {
            loosest.validate(alias);
            valid = true;
        } catch (InvalidLinkException e) {
            valid = false;
        }

        // Exactly the strings with a separator and a letter or digit are valid, so the check below is not vacuous.
        boolean hasSeparator = alias.chars().anyMatch(c -> c == '-' || c == '_');
        boolean hasLetterOrDigit = alias.chars().anyMatch(c -> c != '-' && c != '_');
        assertThat(valid).isEqualTo(hasSeparator && hasLetterOrDigit);
        if (valid) {
            assertThat(Base62.isBase62(alias)).isFalse();
            assertThatThrownBy(() -> Base62.decode(alias)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Provide
    Arbitrary<String> aliasLike() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars('-', '_').ofMinLength(2).ofMaxLength(32);
    }
}
