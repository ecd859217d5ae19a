package dev.tally.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.ApiClient.Answer;
import dev.tally.support.KnownDocuments;
import dev.tally.support.TestStack;
import dev.tally.web.ListingFixtures.Job;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code GET /word-count} without a body lists jobs, newest first, a page at a time; through the public API. */
class JobListingIT extends ListingStackTest {

    @Test
    void pagesFollowedByNextListEveryJobNewestFirstOnce() {
        List<String> listed = walk("/word-count?limit=7", 7);

        assertThat(listed).isEqualTo(fixtures.idsNewestFirst(null));
    }

    @Test
    void theStatusFilterListsOnlyThatStatusAcrossPages() {
        for (String status : List.of("IN_PROGRESS", "COMPLETE", "FAIL")) {
            List<String> listed = walk("/word-count?limit=3&status=" + status, 3);

            assertThat(listed).as(status).isEqualTo(fixtures.idsNewestFirst(status));
        }
    }

    @Test
    void beforeContinuesAfterAJobOfAnyStatusAndNextKeepsLimitAndStatus() {
        Job after = fixtures.newestFirst().get(4);
        List<String> olderFailures = fixtures.newestFirst().subList(5, JOBS).stream()
                .filter(job -> job.status().equals("FAIL"))
                .map(Job::hex)
                .toList();

        Answer page = list("/word-count?status=FAIL&limit=2&before=" + after.hex());

        assertThat(ids(page)).isEqualTo(olderFailures.subList(0, 2));
        assertThat(page.data().path("next").asText())
                .isEqualTo("/word-count?limit=2&status=FAIL&before=" + olderFailures.get(1));
    }

    @Test
    void theDefaultPageHolds20AndLimitRunsFrom1To100() {
        Answer byDefault = list("/word-count");
        assertThat(ids(byDefault)).isEqualTo(fixtures.idsNewestFirst(null).subList(0, 20));
        assertThat(byDefault.data().path("next").asText())
                .isEqualTo("/word-count?limit=20&before="
                        + fixtures.idsNewestFirst(null).get(19));

        assertThat(ids(list("/word-count?limit=1")))
                .containsExactly(fixtures.idsNewestFirst(null).get(0));

        Answer all = list("/word-count?limit=100");
        assertThat(ids(all)).hasSize(JOBS);
        assertThat(all.data().path("next").isNull()).isTrue();
    }

    @Test
    void aListedJobIsItsSummaryWithoutHistogram() {
        for (JsonNode listed : list("/word-count?limit=100").data().path("jobs")) {
            Job job = fixtures.byId(listed.path("job_id").asText());
            assertThat(listed.path("url").asText()).isEqualTo(ListingFixtures.url(job));
            assertThat(listed.path("status").asText()).isEqualTo(job.status());
            assertThat(listed.path("created_at").asText())
                    .isEqualTo(job.createdAt().toString());
            assertThat(listed.path("updated_at").asText())
                    .isEqualTo(job.createdAt().plusMillis(500).toString());
            assertThat(listed.has("word_count")).isFalse();
            assertThat(listed.has("word_count_file")).isFalse();
            assertThat(listed.has("top_words")).isFalse();
            boolean complete = job.status().equals("COMPLETE");
            assertThat(listed.path("total_words").isInt()).isEqualTo(complete);
            assertThat(listed.path("distinct_words").isInt()).isEqualTo(complete);
            assertThat(listed.has("error")).isEqualTo(job.status().equals("FAIL"));
        }
    }

    @Test
    void aSubmittedJobIsListedFirstWithItsCounts() {
        int n = KnownDocuments.reserve(1);
        String jobId = api.submitOk(TestStack.documents().url(KnownDocuments.path(n, 0)));
        assertThat(api.awaitFinished(jobId, Duration.ofSeconds(20))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETE");

        JsonNode newest =
                list("/word-count?limit=1&status=COMPLETE").data().path("jobs").get(0);

        assertThat(newest.path("job_id").asText()).isEqualTo(jobId);
        assertThat(newest.path("total_words").asLong())
                .isEqualTo(KnownDocuments.counts(n).values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        assertThat(newest.path("distinct_words").asInt())
                .isEqualTo(KnownDocuments.counts(n).size());
        assertThat(newest.has("word_count")).isFalse();
    }

    /** Follows next from {@code first}; every page but the last is full and ends where the next one's link says. */
    private List<String> walk(String first, int limit) {
        List<String> listed = new ArrayList<>();
        String next = first;
        while (next != null) {
            Answer page = list(next);
            List<String> ids = ids(page);
            JsonNode link = page.data().path("next");
            assertThat(link.isNull() || link.asText().endsWith("&before=" + ids.get(ids.size() - 1)))
                    .as("next of %s: %s", next, link)
                    .isTrue();
            assertThat(ids.size()).as(next).isEqualTo(link.isNull() ? ids.size() : limit);
            listed.addAll(ids);
            next = link.isNull() ? null : link.asText();
            assertThat(listed.size()).as("pages end").isLessThanOrEqualTo(JOBS);
        }
        return listed;
    }
}
