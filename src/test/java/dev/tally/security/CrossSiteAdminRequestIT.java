package dev.tally.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tally.support.AdminRequests;
import dev.tally.support.FullStackTest;
import dev.tally.support.PlantedDeadLetters;
import dev.tally.support.TestStack;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A browser sends the cached admin credentials with a request from any site: a state-changing request to the operator
 * surface that the browser marks as cross-site (Origin, Sec-Fetch-Site) is refused with 403 and changes nothing,
 * while the console's own same-origin requests and curl's, which carry neither header, still work.
 */
class CrossSiteAdminRequestIT extends FullStackTest {

    private static final String JOLOKIA_READ =
            "{\"type\":\"read\",\"mbean\":\"java.lang:type=Runtime\",\"attribute\":\"Uptime\"}";

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    RabbitAdmin rabbitAdmin;

    AdminRequests requests;
    PlantedDeadLetters deadLetters;

    @BeforeEach
    @AfterEach
    void emptyDeadLetterQueue() {
        rabbitAdmin.purgeQueue(TestStack.DEAD_LETTER_QUEUE, false);
        requests = new AdminRequests(port);
        deadLetters = new PlantedDeadLetters(rabbit);
    }

    @Test
    void aPurgeFromAnotherSiteIsRefusedAndPurgesNothing() {
        deadLetters.plant("kept", "not json");

        HttpResponse<String> refused =
                requests.asAdmin("DELETE", "/admin/dead-letters", "Origin", "http://evil.example");

        assertThat(refused.statusCode()).isEqualTo(403);
        JsonNode answer = AdminRequests.json(refused);
        assertThat(answer.path("success").asBoolean(true)).isFalse();
        assertThat(answer.path("message").asText()).contains("`Origin`", "http://evil.example");
        assertThat(answer.path("data").isObject()).isTrue();
        assertThat(listedIds()).containsExactly("kept");
    }

    @Test
    void aReplayFromAnotherSiteIsRefusedWhateverHeaderSaysSo() {
        deadLetters.plant("kept", "not json");
        String path = "/admin/dead-letters/replay?id=kept";

        assertThat(requests.asAdmin("POST", path, "Sec-Fetch-Site", "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(requests.asAdmin("POST", path, "Sec-Fetch-Site", "same-site").statusCode())
                .as("another subdomain is another site's page too")
                .isEqualTo(403);
        assertThat(requests.asAdmin("POST", path, "Origin", "null").statusCode())
                .as("a sandboxed or privacy-stripped origin")
                .isEqualTo(403);
        assertThat(requests.asAdmin("POST", path, "Origin", requests.origin(), "Sec-Fetch-Site", "cross-site")
                        .statusCode())
                .isEqualTo(403);
        assertThat(requests.asAdmin("POST", path, "Origin", "https://127.0.0.1:" + port)
                        .statusCode())
                .as("another scheme is another origin")
                .isEqualTo(403);
        assertThat(requests.anonymous("DELETE", "/admin/dead-letters", "Origin", "http://evil.example")
                        .statusCode())
                .as("refused before credentials are even asked for")
                .isEqualTo(403);

        assertThat(listedIds()).containsExactly("kept");
    }

    @Test
    void otherSpellingsOfTheAdminPathsAreNoWayAround() {
        deadLetters.plant("kept", "not json");

        for (String path : new String[] {
            "/%61dmin/dead-letters", "/admin;x/dead-letters", "/admin/./dead-letters", "/admin/%64ead-letters"
        }) {
            HttpResponse<String> answer = requests.asAdmin("DELETE", path, "Origin", "http://evil.example");
            assertThat(answer.statusCode()).as(path).isIn(400, 403);
        }

        assertThat(listedIds()).containsExactly("kept");
    }

    @Test
    void theConsolesOwnSameOriginRequestsWork() {
        deadLetters.plant("replayed", "not json");
        deadLetters.plant("purged", "not json");

        HttpResponse<String> replayed = requests.asAdmin(
                "POST",
                "/admin/dead-letters/replay?id=replayed",
                "Origin",
                requests.origin(),
                "Sec-Fetch-Site",
                "same-origin");
        HttpResponse<String> purged = requests.asAdmin(
                "DELETE",
                "/admin/dead-letters?id=purged",
                "Origin",
                requests.origin(),
                "Sec-Fetch-Site",
                "same-origin");

        assertThat(replayed.statusCode()).isEqualTo(200);
        assertThat(AdminRequests.json(replayed).path("data").path("replayed").asInt())
                .isEqualTo(1);
        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(AdminRequests.json(purged).path("data").path("purged").asInt())
                .isEqualTo(1);
        // the poison message went back to the job queue, and the worker dead-lettered it again, under a new id
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(listedIds()).hasSize(1).doesNotContain("replayed", "purged"));
    }

    @Test
    void curlAndScriptsWithoutBrowserHeadersKeepWorking() {
        deadLetters.plant("purged", "not json");

        HttpResponse<String> purged = requests.asAdmin("DELETE", "/admin/dead-letters?id=purged");
        HttpResponse<String> typedByHand = requests.asAdmin("DELETE", "/admin/dead-letters", "Sec-Fetch-Site", "none");

        assertThat(purged.statusCode()).isEqualTo(200);
        assertThat(AdminRequests.json(purged).path("data").path("purged").asInt())
                .isEqualTo(1);
        assertThat(typedByHand.statusCode()).as("an address typed by hand").isEqualTo(200);
    }

    @Test
    void jolokiaAnswersHawtiosSameOriginPostsButNotAnotherSite() {
        HttpResponse<String> fromHawtio = requests.postJsonAsAdmin(
                "/actuator/jolokia", JOLOKIA_READ, "Origin", requests.origin(), "Sec-Fetch-Site", "same-origin");
        HttpResponse<String> fromElsewhere =
                requests.postJsonAsAdmin("/actuator/jolokia", JOLOKIA_READ, "Origin", "http://evil.example");

        assertThat(fromHawtio.statusCode()).isEqualTo(200);
        assertThat(AdminRequests.json(fromHawtio).path("value").asLong()).isPositive();
        assertThat(fromElsewhere.statusCode()).isEqualTo(403);
    }

    @Test
    void readsFromAnotherSiteAreNotTheGuardsBusiness() {
        // a cross-site page cannot read the answer (no CORS headers); refusing GETs would break links into the console
        HttpResponse<String> listed = requests.asAdmin("GET", "/admin/dead-letters", "Sec-Fetch-Site", "cross-site");

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private List<String> listedIds() {
        JsonNode letters = AdminRequests.json(requests.asAdmin("GET", "/admin/dead-letters"))
                .path("data")
                .path("dead_letters");
        List<String> ids = new ArrayList<>();
        letters.forEach(letter -> ids.add(letter.path("id").asText()));
        return ids;
    }
}
