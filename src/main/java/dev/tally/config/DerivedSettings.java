package dev.tally.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * Settings the routes and configuration read that follow from what the operator set:
 * {@code tally.roles} gives {@code tally.web.enabled} / {@code tally.worker.enabled} (route autoStartup),
 * an unset RabbitMQ host switches on the embedded broker and points the client at it, and
 * {@code tally.routes-dir} loads the route files from that directory, reloaded live (see {@link RoutesDirectory}).
 * Computed at lookup time, so properties added after start-up processing (tests) are seen too.
 */
class DerivedSettings extends PropertySource<Object> {

    /** Spring Boot's view over all sources, this one included: asking it would recurse. */
    private static final String ATTACHED = "configurationProperties";

    static final Set<String> KNOWN_ROLES = Set.of("web", "worker");

    private final ConfigurableEnvironment environment;

    /** The source object must not be the environment: Spring Boot would iterate it as nested sources, forever. */
    DerivedSettings(ConfigurableEnvironment environment) {
        super("tallyDerivedSettings", new Object());
        this.environment = environment;
    }

    @Override
    public Object getProperty(String name) {
        return switch (name) {
            case "tally.web.enabled" -> String.valueOf(roles().contains("web"));
            case "tally.worker.enabled" -> String.valueOf(roles().contains("worker"));
            case "tally.broker.embedded" -> String.valueOf(!externalBrokerConfigured());
            case "spring.rabbitmq.host" -> embedded() ? "127.0.0.1" : null;
            case "spring.rabbitmq.port" -> embedded() ? explicit("tally.broker.embedded-port", "5673") : null;
            case "camel.main.routes-include-pattern" -> routesDirectory().includePattern();
            case "camel.main.routes-reload-enabled" ->
                String.valueOf(routesDirectory().reloadEnabled());
            case "camel.main.routes-reload-directory" -> routesDirectory().reloadDirectory();
            default -> null;
        };
    }

    private RoutesDirectory routesDirectory() {
        return RoutesDirectory.of(explicit("tally.routes-dir", ""));
    }

    private boolean embedded() {
        return Boolean.parseBoolean(explicit("tally.broker.embedded", String.valueOf(!externalBrokerConfigured())));
    }

    private boolean externalBrokerConfigured() {
        return explicit("spring.rabbitmq.host", null) != null || explicit("spring.rabbitmq.addresses", null) != null;
    }

    /** A property as set by any other source, never by this one. */
    private String explicit(String name, String fallback) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source != this && !ATTACHED.equals(source.getName()) && source.containsProperty(name)) {
                Object value = source.getProperty(name);
                return value == null ? fallback : environment.resolvePlaceholders(value.toString());
            }
        }
        return fallback;
    }

    private Set<String> roles() {
        String value = explicit("tally.roles", "web,worker");
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
