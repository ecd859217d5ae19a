package dev.tally.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Locale;

/**
 * The one-line summary of a fault test that the README's Reliability table quotes, printed and appended to
 * {@code target/chaos-figures.txt}.
 */
final class ChaosFigures {

    private static final Path FILE = Path.of("target", "chaos-figures.txt");

    private ChaosFigures() {}

    /** {@code fault}: how long the fault lasted; recovery: from its end until the last accepted job settled. */
    static String record(String test, JobLedger.Verdict verdict, LoadDriver load, Duration fault, Duration recovery) {
        String line = String.format(
                Locale.ROOT,
                "CHAOS %s: submitted %d, accepted %d, completed %d, failed %d, lost %d, refused (503) %d, hung %d,"
                        + " slowest answer %.1f s, fault %.1f s, recovered %.1f s after",
                test,
                load.submitted(),
                verdict.accepted(),
                verdict.completed(),
                verdict.failed(),
                verdict.lost(),
                load.refusals().size(),
                load.hung(),
                seconds(load.slowest()),
                seconds(fault),
                seconds(recovery));
        System.out.println(line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(
                    FILE, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
