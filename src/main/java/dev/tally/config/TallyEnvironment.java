package dev.tally.config;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Derives settings the routes read from what the operator set: {@code tally.roles} becomes the
 * {@code tally.web.enabled} / {@code tally.worker.enabled} flags route autoStartup refers to, and an
 * unset RabbitMQ host switches on the embedded broker so {@code make run} needs nothing installed.
 */
public class TallyEnvironment implements EnvironmentPostProcessor {

    static final Set<String> KNOWN_ROLES = Set.of("web", "worker");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        Map<String, Object> derived = new HashMap<>();
        Set<String> roles = roles(env.getProperty("tally.roles", "web,worker"));
        derived.put("tally.web.enabled", String.valueOf(roles.contains("web")));
        derived.put("tally.worker.enabled", String.valueOf(roles.contains("worker")));

        boolean external = env.containsProperty("spring.rabbitmq.host") || env.containsProperty("spring.rabbitmq.addresses");
        boolean embedded = env.getProperty("tally.broker.embedded", Boolean.class, !external);
        derived.put("tally.broker.embedded", String.valueOf(embedded));
        if (embedded) {
            derived.put("spring.rabbitmq.host", "127.0.0.1");
            derived.put("spring.rabbitmq.port", env.getProperty("tally.broker.embedded-port", "5673"));
            derived.put("spring.rabbitmq.username", "guest");
            derived.put("spring.rabbitmq.password", "guest");
        }
        env.getPropertySources().addFirst(new MapPropertySource("tallyDerived", derived));
    }

    static Set<String> roles(String value) {
        Set<String> roles = Arrays.stream(value.split(","))
                .map(String::trim)
                .map(String::toLowerCase)
                .filter(role -> !role.isEmpty())
                .collect(Collectors.toSet());
        if (roles.isEmpty() || !KNOWN_ROLES.containsAll(roles)) {
            throw new IllegalArgumentException("TALLY_ROLES must be web, worker or web,worker; got '" + value + "'");
        }
        return roles;
    }
}
