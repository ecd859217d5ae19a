package dev.tally.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * make bench writes bench/report.md only after its 14 minutes of scenarios: a report that bash cannot expand (a
 * quote inside a ${...} of its here-document) lost a whole run. Here the report is written from no results, as
 * bench/run sources and calls it, under its shell options.
 */
class BenchReportTest {

    @Test
    void theReportIsWrittenFromNoResults(@TempDir Path runDirectory) throws IOException, InterruptedException {
        Path report = runDirectory.resolve("report.md");
        Path errors = runDirectory.resolve("errors.txt");
        ProcessBuilder bash = new ProcessBuilder(
                        "bash",
                        "-c",
                        "set -eo pipefail; source bench/lib.sh; source bench/coldstart.sh; source bench/targets.sh;"
                                + " source bench/report.sh; write_report")
                .redirectOutput(report.toFile())
                .redirectError(errors.toFile());
        bash.environment().put("BENCH_DIR", runDirectory.resolve("bench").toString());
        Process process = bash.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        String stderr = Files.readString(errors, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(stderr).isZero();
        assertThat(stderr).doesNotContain("bad substitution", "syntax error", "unbound variable");
        assertThat(Files.readString(report, StandardCharsets.UTF_8))
                .startsWith("# Tally load benchmark")
                .contains("| POST, workers stopped, 64 connections | >= 3,000 req/s |")
                .contains("`TALLY_RESULTS_INLINE_MAX_BYTES` = 0 (the default of cluster/up)")
                .contains("## What limits it");
    }
}
