package io.practicalsystems.shortener.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectPathTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "Ab3_-z", "00000000001111111111222222222233"})
    void aPlainCodeAtTheRootIsTheCode(String code) {
        assertThat(RedirectPath.code("/" + code, "")).isEqualTo(code);
    }

    @Test
    void theCodeFollowsTheContextPath() {
        assertThat(RedirectPath.code("/app/xyz", "/app")).isEqualTo("xyz");
        assertThat(RedirectPath.code("/other/xyz", "/app")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "", "/api/ping", "/abc/", "/abc/stats", "/a%41", "/abc;jsessionid=1", "/ab.c",
            "/ab c", "/ab~c", "/äbc", "/000000000011111111112222222222333", "//abc", "abc"})
    void anythingElseIsLeftToJaxRs(String uri) {
        assertThat(RedirectPath.code(uri, "")).isNull();
    }

    /** Every single character, and lengths around the limit: a plain code exactly when the resource's template matches. */
    @Test
    void acceptsExactlyWhatTheResourceTemplateMatches() {
        java.util.regex.Pattern template = java.util.regex.Pattern.compile(RedirectPath.CODE_PATTERN);
        for (char c = 0; c < 0x250; c++) {
            for (String candidate : java.util.List.of(String.valueOf(c), "ab" + c, "x".repeat(31) + c)) {
                boolean matches = template.matcher(candidate).matches();
                assertThat(RedirectPath.code("/" + candidate, "")).as("%s", candidate)
                        .isEqualTo(matches ? candidate : null);
            }
        }
        assertThat(template.matcher("x".repeat(33)).matches()).isFalse();
        assertThat(RedirectPath.code("/" + "x".repeat(33), "")).isNull();
    }

    @Test
    void noUriIsNoCode() {
        assertThat(RedirectPath.code(null, "")).isNull();
    }
}
