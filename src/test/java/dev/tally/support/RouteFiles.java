package dev.tally.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** A directory of route files for TALLY_ROUTES_DIR: copies of the built-in ones, edited as an operator would. */
public final class RouteFiles {

    public static final List<String> BUILT_IN = List.of(
            "admin.camel.yaml",
            "api.camel.yaml",
            "dead-letter.camel.yaml",
            "errors.camel.yaml",
            "jobs.camel.yaml",
            "sweeper.camel.yaml",
            "worker.camel.yaml");

    private final Path directory;

    private RouteFiles(Path directory) {
        this.directory = directory;
    }

    /** A fresh copy of the built-in route files under target/, kept after the run for a look at what failed. */
    public static RouteFiles copyOfBuiltIns(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "routes-" + name + "-" + TestStack.RUN_ID))
                    .toAbsolutePath();
            RouteFiles files = new RouteFiles(directory);
            for (String file : BUILT_IN) {
                Files.writeString(directory.resolve(file), builtIn(file));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    public static String builtIn(String file) {
        try (InputStream in = RouteFiles.class.getResourceAsStream("/routes/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in route file " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String file) {
        try {
            return Files.readString(directory.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isBuiltIn(String file) {
        return read(file).equals(builtIn(file));
    }

    /** Replaces a file in one step, as editors save, so the watcher never sees it half-written. */
    public void write(String file, String text) {
        try {
            Path draft = Files.createTempFile(directory.getParent(), file, ".draft");
            Files.writeString(draft, text);
            Files.move(
                    draft,
                    directory.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The built-in file with {@code before} replaced by {@code after}, failing if {@code before} is not in it. */
    public static String builtInWith(String file, String before, String after) {
        String text = builtIn(file);
        if (!text.contains(before)) {
            throw new IllegalArgumentException(file + " no longer contains: " + before);
        }
        return text.replace(before, after);
    }
}
