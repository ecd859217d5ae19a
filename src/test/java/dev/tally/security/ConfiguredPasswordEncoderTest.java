package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfiguredPasswordEncoderTest {

    private final ConfiguredPasswordEncoder encoder = new ConfiguredPasswordEncoder();

    @Test
    void theConfiguredPasswordMatchesAndNothingElseDoes() {
        String encoded = encoder.encode("s3cret-ünïcode");

        assertThat(encoded).doesNotContain("s3cret");
        assertThat(encoder.matches("s3cret-ünïcode", encoded)).isTrue();
        assertThat(encoder.matches("s3cret-unicode", encoded)).isFalse();
        assertThat(encoder.matches("", encoded)).isFalse();
        assertThat(encoder.matches(null, encoded)).isFalse();
    }

    @Test
    void anEncodingItDidNotMakeMatchesNothing() {
        assertThat(encoder.matches("x", "{bcrypt}$2a$10$abcdefghijklmnopqrstuv"))
                .isFalse();
        assertThat(encoder.matches("x", encoder.encode("x").substring(4))).isFalse();
        assertThat(encoder.matches("x", null)).isFalse();
    }
}
