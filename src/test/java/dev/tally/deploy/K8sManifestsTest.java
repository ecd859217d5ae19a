package dev.tally.deploy;

import static dev.tally.deploy.DeployFiles.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** deploy/k8s without a cluster: the objects, how the Deployments run Tally, and the routes ConfigMap. */
class K8sManifestsTest {

    private static final String DIR = "deploy/k8s/";
    private static final Path ROUTES = DeployFiles.ROOT.resolve("src/main/resources/routes");

    @Test
    void kustomizationListsEveryManifestAndTheyHoldTheExpectedObjects() throws IOException {
        List<String> resources = at(DeployFiles.yaml(DIR + "kustomization.yaml"), "resources");
        try (Stream<Path> files = Files.list(DeployFiles.ROOT.resolve(DIR))) {
            assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml")))
                    .containsExactlyInAnyOrderElementsOf(resources);
        }
        List<String> objects = new ArrayList<>();
        for (String file : resources) {
            for (Map<String, Object> object : DeployFiles.documents(DIR + file)) {
                objects.add(object.get("kind") + "/" + at(object, "metadata", "name"));
            }
        }
        assertThat(objects)
                .containsExactlyInAnyOrder(
                        "Namespace/tally",
                        "ConfigMap/tally-settings",
                        "ConfigMap/tally-routes",
                        "Deployment/tally-web",
                        "Deployment/tally-worker",
                        "Service/tally-web",
                        "Service/tally-worker",
                        "PodDisruptionBudget/tally-web",
                        "PodDisruptionBudget/tally-worker",
                        "Ingress/tally");
    }

    @Test
    void eachDeploymentRunsOneRoleAsTheImagesUserWithTheRoutesMountedAtTallyRoutesDir() {
        Map<String, Object> settings = at(DeployFiles.yaml(DIR + "settings-configmap.yaml"), "data");
        for (String role : List.of("web", "worker")) {
            Map<String, Object> deployment = DeployFiles.yaml(DIR + role + "-deployment.yaml");
            Map<String, Object> pod = at(deployment, "spec", "template", "spec");
            List<Map<String, Object>> containers = at(pod, "containers");
            Map<String, Object> container = containers.get(0);

            assertThat((Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels"))
                    .containsAllEntriesOf(at(deployment, "spec", "selector", "matchLabels"))
                    .containsEntry("app.kubernetes.io/component", role);
            assertThat(environment(container)).containsEntry("TALLY_ROLES", role);
            Map<String, Object> podSecurity = at(pod, "securityContext");
            assertThat("USER " + podSecurity.get("runAsUser") + ":" + podSecurity.get("runAsGroup"))
                    .as("the Dockerfile's user")
                    .isIn(DeployFiles.read("Dockerfile").lines().toList());
            assertThat(podSecurity).containsEntry("runAsNonRoot", true);
            assertThat((Integer) at(pod, "terminationGracePeriodSeconds"))
                    .isGreaterThan(Integer.parseInt(
                            settings.get("TALLY_SHUTDOWN_TIMEOUT_SECONDS").toString()));
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat((String) at(container, probe, "httpGet", "path")).startsWith("/actuator/health/");
            }

            List<Map<String, Object>> mounts = at(container, "volumeMounts");
            List<Map<String, Object>> volumes = at(pod, "volumes");
            assertThat(mounts).anySatisfy(mount -> {
                assertThat(mount).containsEntry("mountPath", settings.get("TALLY_ROUTES_DIR"));
                assertThat(volumes).anySatisfy(volume -> {
                    assertThat(volume).containsEntry("name", mount.get("name"));
                    assertThat((String) at(volume, "configMap", "name")).isEqualTo("tally-routes");
                });
            });
        }
    }

    @Test
    void theRoutesConfigMapHoldsTheRouteFilesAsTheyAre() throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> routes = Files.list(ROUTES)) {
            for (Path route :
                    routes.filter(p -> p.toString().endsWith(".camel.yaml")).toList()) {
                files.put(route.getFileName().toString(), Files.readString(route));
            }
        }
        String stale = "deploy/k8s is out of date with src/main/resources/routes: run deploy/k8s/sync-routes";
        Map<String, Object> data = at(DeployFiles.yaml(DIR + "routes-configmap.yaml"), "data");
        assertThat(data).as(stale).containsOnlyKeys(files.keySet());
        assertThat(files.keySet())
                .as(stale + "; these differ")
                .filteredOn(name -> !files.get(name).equals(data.get(name)))
                .isEmpty();

        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        files.values().forEach(text -> sha256.update(text.getBytes(StandardCharsets.UTF_8)));
        String sum = HexFormat.of().formatHex(sha256.digest());
        for (String role : List.of("web", "worker")) {
            assertThat((String) at(
                            DeployFiles.yaml(DIR + role + "-deployment.yaml"),
                            "spec",
                            "template",
                            "metadata",
                            "annotations",
                            "tally.dev/routes-sha256"))
                    .as(stale)
                    .isEqualTo(sum);
        }
    }

    /** As nginx under compose: the API's paths reach the web pods' API server, not Tomcat (docs/deployment.md). */
    @Test
    void theIngressSendsTheApisPathsToTheWebPodsApiServer() {
        Map<String, Object> deployment = DeployFiles.yaml(DIR + "web-deployment.yaml");
        List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
        List<Map<String, Object>> ports = at(containers.get(0), "ports");
        assertThat(ports)
                .as("the container's port api is TALLY_API_PORT")
                .anySatisfy(port -> assertThat(port)
                        .containsEntry("name", "api")
                        .containsEntry(
                                "containerPort",
                                Integer.valueOf(environment(containers.get(0))
                                        .get("TALLY_API_PORT")
                                        .toString())));
        List<Map<String, Object>> services = DeployFiles.documents(DIR + "services.yaml");
        List<Map<String, Object>> webPorts = at(services.get(0), "spec", "ports");
        assertThat(webPorts)
                .anySatisfy(
                        port -> assertThat(port).containsEntry("name", "api").containsEntry("targetPort", "api"));
        List<Map<String, Object>> rules = at(DeployFiles.yaml(DIR + "ingress.yaml"), "spec", "rules");
        List<Map<String, Object>> paths = at(rules.get(0), "http", "paths");
        assertThat(paths).isNotEmpty().allSatisfy(path -> {
            assertThat((String) at(path, "backend", "service", "name")).isEqualTo("tally-web");
            assertThat((String) at(path, "backend", "service", "port", "name")).isEqualTo("api");
        });
    }

    @Test
    void bothTiersUseQuorumQueues() {
        assertThat((Map<String, Object>) at(DeployFiles.yaml(DIR + "settings-configmap.yaml"), "data"))
                .containsEntry("TALLY_QUEUE_TYPE", "quorum");
    }

    @Test
    void everyVariableTheManifestsSetIsATallyOrSpringSetting() {
        List<String> names = new ArrayList<>(
                ((Map<String, Object>) at(DeployFiles.yaml(DIR + "settings-configmap.yaml"), "data")).keySet());
        for (String role : List.of("web", "worker")) {
            Map<String, Object> deployment = DeployFiles.yaml(DIR + role + "-deployment.yaml");
            List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
            names.addAll(environment(containers.get(0)).keySet());
        }
        // the Secret is made by hand, as kustomization.yaml shows
        Matcher secrets =
                Pattern.compile("--from-literal=([A-Z_]+)=").matcher(DeployFiles.read(DIR + "kustomization.yaml"));
        while (secrets.find()) {
            names.add(secrets.group(1));
        }
        Set<String> known = DeployFiles.knownVariables();
        assertThat(names)
                .contains("TALLY_MONGODB_URI", "SPRING_RABBITMQ_PASSWORD", "TALLY_ADMIN_PASSWORD")
                .filteredOn(name -> !known.contains(name))
                .as("variables Tally does not read")
                .isEmpty();
    }

    private static Map<String, Object> environment(Map<String, Object> container) {
        Map<String, Object> variables = new TreeMap<>();
        List<Map<String, Object>> env = at(container, "env");
        for (Map<String, Object> variable : env) {
            variables.put(variable.get("name").toString(), variable.get("value"));
        }
        return variables;
    }
}
