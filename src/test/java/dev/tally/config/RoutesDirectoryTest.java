package dev.tally.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutesDirectoryTest {

    @TempDir
    Path directory;

    @Test
    void withoutADirectoryTheBuiltInRoutesLoadAndNothingIsWatched() {
        RoutesDirectory routes = RoutesDirectory.of("");

        assertThat(routes.includePattern()).isEqualTo("classpath:routes/*.camel.yaml");
        assertThat(routes.reloadEnabled()).isFalse();
        assertThat(routes.reloadDirectory()).isNull();
        routes.requireRouteFiles();
    }

    @Test
    void aDirectoryOfRouteFilesIsLoadedAndWatchedByItsAbsolutePath() throws Exception {
        Files.writeString(directory.resolve("worker.camel.yaml"), "[]");

        RoutesDirectory routes = RoutesDirectory.of(directory + "/./");

        assertThat(routes.includePattern()).isEqualTo("file:" + directory.toAbsolutePath() + "/*.camel.yaml");
        assertThat(routes.reloadEnabled()).isTrue();
        assertThat(routes.reloadDirectory())
                .isEqualTo(directory.toAbsolutePath().toString());
        routes.requireRouteFiles();
    }

    @Test
    void aMissingOrEmptyDirectoryIsRefusedRatherThanRunWithoutRoutes() throws Exception {
        assertThatThrownBy(() ->
                        RoutesDirectory.of(directory.resolve("nope").toString()).requireRouteFiles())
                .hasMessageContaining("is not a directory")
                .hasMessageContaining("make routes");
        Files.writeString(directory.resolve("notes.txt"), "not a route");
        assertThatThrownBy(() -> RoutesDirectory.of(directory.toString()).requireRouteFiles())
                .hasMessageContaining("holds no *.camel.yaml route files");
    }
}
