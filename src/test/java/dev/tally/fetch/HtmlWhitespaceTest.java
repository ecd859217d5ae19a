package dev.tally.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlWhitespaceTest {

    @Test
    void isWhitespaceOrASpaceCharForEveryChar() {
        for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(HtmlWhitespace.is(c))
                    .as("U+%04X", (int) c)
                    .isEqualTo(Character.isWhitespace(c) || Character.isSpaceChar(c));
        }
    }
}
