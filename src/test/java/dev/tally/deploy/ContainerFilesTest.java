package dev.tally.deploy;

import static dev.tally.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What no Docker engine checks here: the Dockerfile's shape, and docker-compose.yml's intent (one published
 * port, tiers apart and scaled, health-gated start, no secret in the file). .ci/check-deploy validates the
 * compose file with docker-compose and runs the nginx configuration.
 */
class ContainerFilesTest {

    private final Map<String, Object> compose = DeployFiles.yaml("docker-compose.yml");

    @Test
    void theImageIsAMultiStageBuildRunningTheExtractedJarWithItsClassDataArchiveOnAJre17AsANonRootUser() {
        List<String> lines =
                DeployFiles.read("Dockerfile").lines().map(String::strip).toList();
        List<String> stages =
                lines.stream().filter(line -> line.startsWith("FROM ")).toList();
        assertThat(stages).hasSize(2);
        assertThat(stages.get(0)).matches("FROM maven:\\S+-17 AS build");
        assertThat(stages.get(1)).matches("FROM eclipse-temurin:17-jre\\S*");
        List<String> runStage = lines.subList(lines.indexOf(stages.get(1)), lines.size());
        assertThat(runStage)
                .filteredOn(line -> line.startsWith("COPY "))
                .containsExactly(
                        "COPY --from=build --chown=root:root /src/target/tally.jar /app/tally.jar",
                        "COPY --chown=root:root cluster/cds /usr/local/bin/tally-cds");
        // the training run (the script make run and cluster/up use) as root, before the unprivileged USER
        int training = indexOfFirst(runStage, "RUN JAVA_TOOL_OPTIONS=");
        assertThat(runStage.get(training)).contains("tally-cds /app/tally.jar /app/cds external");
        assertThat(training).isLessThan(indexOfFirst(runStage, "USER "));
        assertThat(runStage)
                .anyMatch(line -> line.matches("USER [1-9][0-9]*:[1-9][0-9]*"))
                .anyMatch(line -> line.startsWith("HEALTHCHECK "))
                .anyMatch(line -> line.contains(
                        "\"-XX:SharedArchiveFile=/app/cds/external.jsa -Xshare:auto -jar /app/cds/app/tally.jar\""))
                .contains("ENTRYPOINT [\"java\", \"-XX:SharedArchiveFile=/app/cds/external.jsa\", \"-Xshare:auto\", "
                        + "\"-jar\", \"/app/cds/app/tally.jar\"]");
        assertThat(DeployFiles.read(".dockerignore").lines().filter(line -> !line.startsWith("#")))
                .startsWith("*")
                .contains("!pom.xml", "!src/", "!cluster/cds");
    }

    private static int indexOfFirst(List<String> lines, String prefix) {
        int index = lines.stream()
                .filter(line -> line.startsWith(prefix))
                .findFirst()
                .map(lines::indexOf)
                .orElse(-1);
        assertThat(index).as("a line starting with %s", prefix).isNotNegative();
        return index;
    }

    @Test
    void onlyNginxPublishesAPortAndTheTiersRunApartTwoOfEach() {
        Map<String, Object> services = at(compose, "services");
        assertThat(services).containsOnlyKeys("nginx", "web", "worker", "rabbitmq", "mongo");
        services.forEach((name, service) -> {
            assertThat(at(service, "ports") == null)
                    .as(name + " publishes no port")
                    .isEqualTo(!name.equals("nginx"));
            assertThat((String) at(service, "restart")).as(name).isEqualTo("unless-stopped");
            assertThat((Object) at(service, "healthcheck", "test"))
                    .as(name + " healthcheck")
                    .isNotNull();
        });
        for (String tier : List.of("web", "worker")) {
            assertThat((String) at(services, tier, "environment", "TALLY_ROLES"))
                    .isEqualTo(tier);
            assertThat((String) at(services, tier, "environment", "TALLY_QUEUE_TYPE"))
                    .isEqualTo("quorum");
            assertThat((Integer) at(services, tier, "deploy", "replicas")).isEqualTo(2);
            assertThat((Map<String, Object>) at(services, tier, "depends_on")).containsOnlyKeys("mongo", "rabbitmq");
            assertThat((Object) at(services, tier, "container_name"))
                    .as("--scale needs generated names")
                    .isNull();
        }
        for (String[] edge : new String[][] {
            {"web", "mongo"}, {"web", "rabbitmq"}, {"worker", "mongo"}, {"worker", "rabbitmq"}, {"nginx", "web"}
        }) {
            assertThat((String) at(services, edge[0], "depends_on", edge[1], "condition"))
                    .as(edge[0] + " waits for " + edge[1])
                    .isEqualTo("service_healthy");
        }
        assertThat((List<String>) at(services, "mongo", "volumes")).anyMatch(v -> v.endsWith(":/data/db"));
        assertThat((List<String>) at(services, "rabbitmq", "volumes")).anyMatch(v -> v.endsWith(":/var/lib/rabbitmq"));
        assertThat((String) at(services, "web", "environment", "TALLY_MONGODB_URI"))
                .contains("replicaSet=rs0", "w=majority", "journal=true");
    }

    @Test
    void secretsComeFromTheEnvironmentAndAreRequired() {
        Map<String, Object> services = at(compose, "services");
        services.forEach((name, service) -> {
            Map<String, Object> environment = at(service, "environment");
            if (environment == null) {
                return;
            }
            environment.forEach((variable, value) -> {
                if (variable.matches(".*(PASSWORD|PASS|SECRET|TOKEN).*")) {
                    assertThat(String.valueOf(value)).as(name + " " + variable).matches("\\$\\{[A-Z_]+:\\?[^}]+}");
                }
            });
        });
        assertThat(DeployFiles.read(".env.example"))
                .containsPattern("(?m)^RABBITMQ_PASSWORD=$")
                .containsPattern("(?m)^TALLY_ADMIN_PASSWORD=$");
    }

    @Test
    void everyVariableGivenToTallyIsASettingAndNginxGetsEveryPlaceholderOfItsTemplate() {
        Set<String> known = DeployFiles.knownVariables();
        List<String> given = new ArrayList<>();
        for (String tier : List.of("web", "worker")) {
            given.addAll(((Map<String, Object>) at(compose, "services", tier, "environment")).keySet());
        }
        assertThat(given)
                .filteredOn(name -> !known.contains(name))
                .as("variables Tally does not read")
                .isEmpty();

        Set<String> placeholders = new TreeSet<>();
        Matcher matcher =
                Pattern.compile("\\$\\{(TALLY_NGINX_[A-Z_]+)}").matcher(DeployFiles.read("nginx/tally.conf.template"));
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }
        Map<String, Object> nginx = at(compose, "services", "nginx", "environment");
        assertThat(placeholders).isNotEmpty();
        assertThat(new TreeSet<>(nginx.keySet())).containsAll(placeholders);
        assertThat((String) nginx.get("NGINX_ENVSUBST_FILTER")).isEqualTo("^TALLY_NGINX_");
    }
}
