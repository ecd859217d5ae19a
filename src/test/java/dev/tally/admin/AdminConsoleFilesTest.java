package dev.tally.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's own rules, checked on its files: dead letters' bodies and reasons are whatever a producer put on the
 * queue, so no script may turn text into markup, and the page has nothing inline for its Content-Security-Policy to
 * have to allow.
 */
class AdminConsoleFilesTest {

    private static final Path CONSOLE = Path.of("src/main/resources/static/admin");

    /** The ways a script turns a string into markup or code. */
    private static final Pattern MARKUP_OR_CODE_FROM_TEXT =
            Pattern.compile("innerHTML|outerHTML|insertAdjacentHTML|document\\.write|createContextualFragment|DOMParser"
                    + "|\\beval\\(|new Function|setTimeout\\(\\s*['\"`]|setInterval\\(\\s*['\"`]");

    @Test
    void noScriptTurnsTextIntoMarkupOrCode() throws IOException {
        List<Path> scripts = files(".js");
        assertThat(scripts).extracting(path -> path.getFileName().toString()).contains("console.js", "dom.js");
        for (Path script : scripts) {
            assertThat(MARKUP_OR_CODE_FROM_TEXT
                            .matcher(Files.readString(script))
                            .results())
                    .as(script.toString())
                    .isEmpty();
        }
    }

    @Test
    void thePageHasNoInlineScriptStyleOrHandler() throws IOException {
        String page = Files.readString(CONSOLE.resolve("index.html"));

        assertThat(Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>")
                        .matcher(page)
                        .results())
                .as("a script without src")
                .isEmpty();
        assertThat(page).doesNotContain("<style", " style=", "javascript:");
        assertThat(Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE)
                        .matcher(page)
                        .results())
                .as("an inline event handler")
                .isEmpty();
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> listed = Files.list(CONSOLE)) {
            return listed.filter(path -> path.toString().endsWith(suffix))
                    .sorted()
                    .toList();
        }
    }
}
