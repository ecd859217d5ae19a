package dev.tally.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Camel loads the route files from: the built-in ones on the classpath, or with {@code tally.routes-dir}
 * (TALLY_ROUTES_DIR) every {@code *.camel.yaml} in that directory, error handling included, watched for changes.
 */
record RoutesDirectory(Path directory) {

    static final String BUILT_IN = "classpath:routes/*.camel.yaml";
    static final String FILE_PATTERN = "*.camel.yaml";

    /** An empty setting means the built-in routes. */
    static RoutesDirectory of(String setting) {
        if (setting == null || setting.isBlank()) {
            return new RoutesDirectory(null);
        }
        return new RoutesDirectory(Path.of(setting.trim()).toAbsolutePath().normalize());
    }

    boolean reloadEnabled() {
        return directory != null;
    }

    String includePattern() {
        return directory == null ? BUILT_IN : "file:" + directory + "/" + FILE_PATTERN;
    }

    String reloadDirectory() {
        return directory == null ? null : directory.toString();
    }

    /** A directory without route files is refused: Camel would start with no routes at all, and say nothing. */
    void requireRouteFiles() {
        if (directory == null) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("TALLY_ROUTES_DIR " + directory + " is not a directory"
                    + " ('make routes' copies the built-in route files to ./routes)");
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, FILE_PATTERN)) {
            if (!files.iterator().hasNext()) {
                throw new IllegalArgumentException("TALLY_ROUTES_DIR " + directory + " holds no " + FILE_PATTERN
                        + " route files ('make routes' copies the built-in ones there)");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("TALLY_ROUTES_DIR " + directory + " cannot be read: " + e, e);
        }
    }
}
