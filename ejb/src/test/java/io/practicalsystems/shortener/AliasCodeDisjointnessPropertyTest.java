package io.practicalsystems.shortener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.practicalsystems.testsupport.Gens;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two halves of "aliases and generated codes never collide", checked with the loosest policy the rule allows
 * (shortest length 2, no reserved words) so that only the separator rule can be what separates them.
 */
class AliasCodeDisjointnessPropertyTest {

    private static final String ALIAS_CHARACTERS = Base62.ALPHABET + "-_";

    private final AliasPolicy loosest = new AliasPolicy(2, Base62.MAX_LENGTH + 21, Set.of());

    @Test
    void noGeneratedCodeIsAValidAlias() {
        qt().forAll(longs().between(62, Long.MAX_VALUE)).checkAssert(id -> {
            String code = Base62.encode(id); // from 62 on, codes are at least 2 long, so length is not what rejects

            assertThatThrownBy(() -> loosest.validate(code))
                    .isInstanceOf(InvalidLinkException.class)
                    .hasMessageContaining("at least one '-' or '_'");
        });
    }

    @Test
    void noValidAliasCanBeDecodedAsACode() {
        qt().forAll(Gens.stringsOf(ALIAS_CHARACTERS, 2, 32)).checkAssert(this::assertValidAliasIsNoCode);
    }

    private void assertValidAliasIsNoCode(String alias) {
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
}
