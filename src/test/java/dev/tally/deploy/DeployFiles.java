package dev.tally.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/** Reads the deployment files from the checkout, and knows which environment variables Tally reads. */
final class DeployFiles {

    static final Path ROOT = Path.of("").toAbsolutePath();
    /** Settings that other work adds to application.yaml; remove a name once application.yaml has it. */
    private static final Set<String> ARRIVING = Set.of();

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private DeployFiles() {}

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(String path) {
        return (Map<String, Object>) new Yaml().load(read(path));
    }

    /** Every document of a multi-document YAML file. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(String path) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(read(path))) {
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    /** A nested value by keys, or null. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    /**
     * The environment variables Tally reads: every key of application.yaml and every placeholder in it,
     * and every property Spring Boot and Camel describe in their configuration metadata, in relaxed-binding
     * form (tally.worker.concurrency is TALLY_WORKER_CONCURRENCY).
     */
    static Set<String> knownVariables() {
        Set<String> names = new HashSet<>(ARRIVING);
        flatten("", new Yaml().load(read("src/main/resources/application.yaml")), names);
        Matcher placeholders = PLACEHOLDER.matcher(read("src/main/resources/application.yaml"));
        while (placeholders.find()) {
            names.add(placeholders.group(1));
        }
        names.addAll(metadataProperties());
        return names;
    }

    static String environmentName(String property) {
        return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static void flatten(String prefix, Object node, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> flatten(prefix.isEmpty() ? key.toString() : prefix + "." + key, value, names));
        } else {
            names.add(environmentName(prefix));
        }
    }

    private static Set<String> metadataProperties() {
        Set<String> names = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (URL url : Collections.list(
                    DeployFiles.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    for (JsonNode property : json.readTree(in).path("properties")) {
                        names.add(environmentName(property.path("name").asText()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }
}
