package dev.tally.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README's "where things live" table names every feature package, and every package and path it names exists. */
class ReadmeWhereThingsLiveTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/tally");
    private static final Pattern PACKAGE = Pattern.compile("`dev\\.tally\\.([a-z]+)`");
    private static final Pattern PATH = Pattern.compile("`([A-Za-z.-]+/[^`*{ ]*)`");

    @Test
    void namesEveryFeaturePackageAndNoOther() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher packages = PACKAGE.matcher(table());
        while (packages.find()) {
            named.add(packages.group(1));
        }

        assertThat(named).containsExactlyInAnyOrderElementsOf(featurePackages());
    }

    @Test
    void namesOnlyPathsThatExist() throws IOException {
        Matcher paths = PATH.matcher(table());
        List<String> missing = new java.util.ArrayList<>();
        while (paths.find()) {
            String path = paths.group(1);
            if (!Files.exists(Path.of(path)) && !Files.exists(Path.of("src/test/java/dev/tally", path + ".java"))) {
                missing.add(path);
            }
        }

        assertThat(missing).isEmpty();
    }

    private static Set<String> featurePackages() throws IOException {
        try (Stream<Path> entries = Files.list(SOURCES)) {
            return entries.filter(Files::isDirectory)
                    .map(dir -> dir.getFileName().toString())
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static String table() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("| what | where |");
        assertThat(start).as("the README's where-things-live table").isNotNegative();
        int end = readme.indexOf("\n\n", start);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
