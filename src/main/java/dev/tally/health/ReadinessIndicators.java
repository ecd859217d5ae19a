package dev.tally.health;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB and RabbitMQ as components of {@code /actuator/health}, in the readiness group: a process that cannot
 * reach either takes no traffic. The same deadline-bound probes as the public {@code /health}.
 */
@Configuration
class ReadinessIndicators {

    @Bean
    HealthIndicator mongodbHealthIndicator(DependencyHealth dependencies) {
        return indicator(dependencies::mongoProbe);
    }

    @Bean
    HealthIndicator rabbitmqHealthIndicator(DependencyHealth dependencies) {
        return indicator(dependencies::rabbitProbe);
    }

    private static HealthIndicator indicator(Supplier<CompletableFuture<Boolean>> probe) {
        return () -> probe.get().join()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "no answer within the probe deadline")
                        .build();
    }
}
