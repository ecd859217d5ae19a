package dev.tally.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every job the service accepted (202) and what it must end as. {@link #settle} polls them through the public
 * API until none is IN_PROGRESS, then checks each outcome: the right histogram, or FAIL with the right reason.
 */
final class JobLedger {

    /** A COMPLETE job with exactly these counts, or a FAIL job whose error contains {@code failure}. */
    record Expected(Map<String, Long> counts, String failure) {
        static Expected complete(Map<String, Long> counts) {
            return new Expected(counts, null);
        }

        static Expected failure(String reasonContaining) {
            return new Expected(null, reasonContaining);
        }
    }

    /** When a job was accepted (202) and when it was last written (COMPLETE or FAIL). */
    record Settled(Instant acceptedAt, Instant updatedAt) {}

    /** The end state: lost = accepted but still IN_PROGRESS (or gone) when the wait ran out. */
    record Verdict(int accepted, int completed, int failed, int lost, List<String> wrong, List<Settled> settled) {

        /**
         * From {@code faultEnded} until the last job accepted up to then had settled: how long the backlog the
         * fault left took to clear (zero if it had cleared before). Jobs accepted later are ordinary traffic.
         */
        Duration recoveryAfter(Instant faultEnded) {
            Instant last = settled.stream()
                    .filter(job -> !job.acceptedAt().isAfter(faultEnded))
                    .map(Settled::updatedAt)
                    .max(Instant::compareTo)
                    .orElse(faultEnded);
            Duration recovery = Duration.between(faultEnded, last);
            return recovery.isNegative() ? Duration.ZERO : recovery;
        }

        /** The longest a job accepted in {@code [from, to]} waited to settle: what clients saw just after a fault. */
        Duration longestWait(Instant from, Instant to) {
            return settled.stream()
                    .filter(job -> !job.acceptedAt().isBefore(from)
                            && !job.acceptedAt().isAfter(to))
                    .map(job -> Duration.between(job.acceptedAt(), job.updatedAt()))
                    .max(Duration::compareTo)
                    .orElse(Duration.ZERO);
        }
    }

    private record Entry(Expected expected, Instant acceptedAt) {}

    private final Map<String, Entry> accepted = new ConcurrentHashMap<>();

    void accept(String jobId, Expected expected) {
        accepted.put(jobId, new Entry(expected, Instant.now()));
    }

    int accepted() {
        return accepted.size();
    }

    Set<String> jobIds() {
        return accepted.keySet();
    }

    /** Polls until every accepted job left IN_PROGRESS or {@code within} ran out. */
    Verdict settle(ApiClient api, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Map<String, JsonNode> settled = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(accepted.keySet());
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            pending.removeIf(jobId -> {
                JsonNode job = finished(api, jobId);
                if (job != null) {
                    settled.put(jobId, job);
                }
                return job != null;
            });
            pause(pending.isEmpty() ? 0 : 500);
        }
        return verdict(settled, pending);
    }

    private Verdict verdict(Map<String, JsonNode> settled, List<String> pending) {
        int completed = 0;
        int failed = 0;
        List<Settled> times = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : settled.entrySet()) {
            JsonNode job = entry.getValue();
            Expected expected = accepted.get(entry.getKey()).expected();
            String status = job.path("status").asText();
            if ("COMPLETE".equals(status)) {
                completed++;
                if (expected.counts() == null || !expected.counts().equals(counts(job.path("word_count")))) {
                    wrong.add(entry.getKey() + " COMPLETE " + job.path("word_count") + ", expected " + expected);
                }
            } else {
                failed++;
                String error = job.path("error").asText("");
                if (error.isBlank() || expected.failure() == null || !error.contains(expected.failure())) {
                    wrong.add(entry.getKey() + " FAIL '" + error + "', expected " + expected);
                }
            }
            times.add(new Settled(
                    accepted.get(entry.getKey()).acceptedAt(),
                    Instant.parse(job.path("updated_at").asText())));
        }
        pending.stream().limit(5).forEach(jobId -> wrong.add(jobId + " still IN_PROGRESS or unreadable"));
        return new Verdict(accepted.size(), completed, failed, pending.size(), wrong, times);
    }

    private static JsonNode finished(ApiClient api, String jobId) {
        try {
            ApiClient.Answer answer = api.job(jobId);
            JsonNode data = answer.data();
            return answer.status() == 200
                            && !"IN_PROGRESS".equals(data.path("status").asText())
                    ? data
                    : null;
        } catch (RuntimeException e) {
            return null; // the web tier may be restarting: ask again next round
        }
    }

    private static Map<String, Long> counts(JsonNode wordCount) {
        Map<String, Long> counts = new LinkedHashMap<>();
        wordCount
                .properties()
                .forEach(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
