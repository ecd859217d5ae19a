package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.FullStackTest;
import dev.tally.web.FuzzRequests.FuzzRequest;
import dev.tally.web.FuzzRequests.Transport;
import dev.tally.web.RawHttp.Reply;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Thousands of generated malformed, oversized and odd requests against the running API (see {@link FuzzRequests}):
 * no 5xx, no hang, the envelope on every answer of the API, and a healthy service afterwards. Replay a failure with
 * {@code -Dtally.fuzz.seed=<seed>}; the message names the seed and the request's number.
 */
class ApiFuzzIT extends FullStackTest {

    private static final long SEED = Long.getLong("tally.fuzz.seed", 20_261_128L);
    private static final int REQUESTS = Integer.getInteger("tally.fuzz.requests", 10_010);
    private static final int THREADS = Integer.getInteger("tally.fuzz.threads", 8);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
    private static final int TIMEOUT = -1;
    private static final int NO_ANSWER = -2;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Map<Integer, LongAdder> statuses = new ConcurrentSkipListMap<>();
    /** Failures grouped by what went wrong, with the first three requests of each: one bug hit 500 times reads as one. */
    private final Map<String, List<String>> failures = new ConcurrentHashMap<>();

    private final Map<String, AtomicInteger> failureCounts = new ConcurrentHashMap<>();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final LongAdder resentAfterReset = new LongAdder();

    @Test
    void everyGeneratedRequestGetsAPromptNon5xxAnswerInTheEnvelopeAndTheServiceStaysHealthy()
            throws InterruptedException {
        FuzzRequests generator = new FuzzRequests(documents.url(""));
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        for (int i = 0; i < REQUESTS; i++) {
            int index = i;
            pool.execute(() -> exercise(index, generator.generate(SEED, index)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(5, TimeUnit.MINUTES))
                .as("fuzz run finished")
                .isTrue();

        String summary = summary(Duration.ofNanos(System.nanoTime() - started));
        System.out.println(summary);
        List<String> afterwards = problemsAfterTheFuzz();
        assertThat(failures)
                .as(() -> failureReport(summary) + "\nafterwards: " + afterwards)
                .isEmpty();
        assertThat(afterwards).as("the service after the fuzz").isEmpty();
    }

    /** Checked even when the fuzz found failures, so a report says whether the service also came out of it broken. */
    private List<String> problemsAfterTheFuzz() {
        List<String> problems = new ArrayList<>();
        Answer health = api.send("GET", "/health", null, null);
        if (health.status() != 200
                || !"PASS".equals(health.data().path("status").asText())) {
            problems.add("/health answered " + health.status() + " " + health.body());
        }
        Answer submitted = api.submit(documents.url("/after-fuzz.txt"));
        if (submitted.status() != 202) {
            problems.add("a normal POST answered " + submitted.status() + " " + submitted.body());
            return problems;
        }
        try {
            JsonNode job = awaitFinished(submitted.data().path("job_id").asText(), Duration.ofSeconds(60));
            if (!"COMPLETE".equals(job.path("status").asText())) {
                problems.add("a normal job ended " + job);
            }
        } catch (ConditionTimeoutException e) {
            problems.add("a normal job was still IN_PROGRESS after 60 s");
        }
        return problems;
    }

    private void exercise(int index, FuzzRequest request) {
        Reply reply;
        long started = System.nanoTime();
        try {
            reply = sendOnceMoreIfReset(request);
            slowestMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        } catch (HttpTimeoutException | java.net.SocketTimeoutException e) {
            record(TIMEOUT, index, request, "no answer within " + ANSWER_TIMEOUT.toSeconds() + " s", null);
            return;
        } catch (IOException e) {
            String problem = request.brokenChunkSize() ? null : "connection closed without an answer: " + e;
            record(NO_ANSWER, index, request, problem, null);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(reply.status(), index, request, problemWith(request, reply), reply);
    }

    /**
     * Tomcat answers a head over its limit with 400 and closes before reading the rest of the request; the kernel then
     * resets the connection, and a client that had not yet read the 400 loses it (about once in 10,000 such requests
     * on a busy machine; nginx, in front in the cluster, refuses these itself with a lingering close). Such a request is
     * sent once more: a server that never answers it still fails the test.
     */
    private Reply sendOnceMoreIfReset(FuzzRequest request) throws IOException, InterruptedException {
        try {
            return send(request);
        } catch (HttpTimeoutException | java.net.SocketTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (!request.headOverTomcatLimit()) {
                throw e;
            }
            resentAfterReset.increment();
            return send(request);
        }
    }

    private Reply send(FuzzRequest request) throws IOException, InterruptedException {
        if (request.transport() == Transport.RAW) {
            return RawHttp.exchange(apiPort, request.wire(), ANSWER_TIMEOUT);
        }
        HttpRequest built;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + apiPort + request.target()))
                    .timeout(ANSWER_TIMEOUT)
                    .method(request.method(), publisher(request));
            request.headers().forEach(header -> builder.header(header.getKey(), header.getValue()));
            built = builder.build();
        } catch (IllegalArgumentException refusedByTheJdkClient) {
            return RawHttp.exchange(apiPort, request.overRawSocket().wire(), ANSWER_TIMEOUT);
        }
        HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        return new Reply(response.statusCode(), headers, response.body());
    }

    private static BodyPublisher publisher(FuzzRequest request) {
        if (request.body() == null) {
            return BodyPublishers.noBody();
        }
        // without a known length the JDK client sends the body chunked, so the size check cannot trust Content-Length
        return request.transport() == Transport.CHUNKED
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : BodyPublishers.ofByteArray(request.body());
    }

    /**
     * What is wrong with an answer, or null. The envelope is owed on the API's routes ({@link FuzzRequest#isApiPath()});
     * other paths may answer in Spring's default error JSON or with no body. Tomcat's own error page is accepted on a
     * 4xx anywhere: Tomcat sends it for what it refuses as HTTP (bad characters in the target, a header section over
     * 8 KB, broken framing, an Expect it cannot meet) before any filter of the application runs.
     */
    private static String problemWith(FuzzRequest request, Reply reply) {
        int status = reply.status();
        if (status >= 500) {
            return "5xx";
        }
        if (!request.accepts(status)) {
            return "expected " + request.expected();
        }
        if (status == 405 && reply.header("Allow") == null) {
            return "405 without Allow";
        }
        if (request.method().equals("HEAD")
                || (status >= 400 && isTomcatErrorPage(reply.body()))
                || (status == 400 && request.headOverTomcatLimit())) {
            return null;
        }
        JsonNode body = json(reply.body());
        if (!request.isApiPath()) {
            // the web console's page is HTML by design; any other path answers JSON
            boolean consolePage = status == 200 && "/".equals(request.path());
            return body == null && reply.body().length > 0 && !consolePage ? "not JSON (unknown path)" : null;
        }
        if (body == null) {
            return "not JSON";
        }
        boolean envelope = body.path("success").isBoolean()
                && body.path("message").isTextual()
                && body.path("data").isObject();
        if (!envelope) {
            return "JSON without the envelope";
        }
        if (body.path("success").asBoolean() != status < 400) {
            return "success does not match the status";
        }
        String type = reply.header("Content-Type");
        return type != null && type.startsWith("application/json") ? null : "Content-Type " + type;
    }

    private static boolean isTomcatErrorPage(byte[] body) {
        return new String(body, StandardCharsets.UTF_8)
                .startsWith("<!doctype html><html lang=\"en\"><head><title>HTTP Status ");
    }

    private static JsonNode json(byte[] body) {
        try {
            return body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private void record(int status, int index, FuzzRequest request, String problem, Reply reply) {
        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (problem == null) {
            return;
        }
        String kind = request.generator() + " " + (reply == null ? "" : reply.status() + " ") + problem;
        failureCounts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        List<String> examples = failures.computeIfAbsent(kind, k -> new CopyOnWriteArrayList<>());
        if (examples.size() < 3) {
            examples.add("request #" + index + " " + request.describe() + "\n      answered "
                    + (reply == null
                            ? "nothing"
                            : reply.status() + " " + reply.headers() + " " + FuzzRequests.printable(reply.body(), 200)
                                    + (reply.status() >= 500 ? "\n      /health right after: " + healthNow() : "")));
        }
    }

    /** A 503 would be excusable only while a dependency is down, so every 5xx reported says what /health said. */
    private String healthNow() {
        Answer health = api.send("GET", "/health", null, null);
        return health.status() + " " + health.data().path("services");
    }

    private String summary(Duration took) {
        long total = statuses.values().stream().mapToLong(LongAdder::sum).sum();
        long serverErrors = statuses.entrySet().stream()
                .filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().sum())
                .sum();
        Map<String, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(
                status == TIMEOUT ? "timeout" : status == NO_ANSWER ? "no answer" : String.valueOf(status),
                count.sum()));
        return "fuzz: " + total + " requests, " + serverErrors + " 5xx, " + count(TIMEOUT) + " timeouts, "
                + count(NO_ANSWER)
                + " without an answer (" + resentAfterReset + " resent after a reset), statuses " + byStatus + " in "
                + took.toMillis() / 1000.0 + " s on " + THREADS
                + " threads, slowest answer " + slowestMillis + " ms (seed " + SEED + ")";
    }

    private long count(int status) {
        LongAdder count = statuses.get(status);
        return count == null ? 0 : count.sum();
    }

    private String failureReport(String summary) {
        return summary + "\nreplay with -Dtally.fuzz.seed=" + SEED + "; failures by kind (count, first request):\n"
                + failures.entrySet().stream()
                        .sorted(Map.Entry.comparingByKey())
                        .map(e -> "  " + e.getKey() + " x" + failureCounts.get(e.getKey()) + ":\n    "
                                + String.join("\n    ", e.getValue()))
                        .collect(Collectors.joining("\n"));
    }
}
