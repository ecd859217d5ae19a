package dev.tally.broker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.amqp.core.Queue;

/**
 * Declares the durable queues on every connection (producers declare nothing, and a message to an
 * undeclared queue would vanish), and starts the embedded broker when no external one is configured.
 */
@Configuration
class BrokerConfiguration {

    @Bean
    Queue jobsAmqpQueue(@Value("${tally.queue}") String name) {
        return new Queue(name, true);
    }

    @Bean
    Queue deadLetterAmqpQueue(@Value("${tally.dead-letter-queue}") String name) {
        return new Queue(name, true);
    }

    @Bean
    @ConditionalOnProperty(name = "tally.broker.embedded", havingValue = "true")
    EmbeddedAmqpBroker embeddedAmqpBroker(
            @Value("${tally.broker.embedded-port:5673}") int port,
            @Value("${tally.mongodb.embedded.data-dir:./data}") String dataDir) {
        return EmbeddedAmqpBroker.start(port, dataDir);
    }

    /** The connection factory must not connect before the embedded broker listens. */
    @Bean
    @ConditionalOnProperty(name = "tally.broker.embedded", havingValue = "true")
    static BeanFactoryPostProcessor connectionFactoryAfterEmbeddedBroker() {
        return factory -> {
            if (factory.containsBeanDefinition("rabbitConnectionFactory")) {
                factory.getBeanDefinition("rabbitConnectionFactory").setDependsOn("embeddedAmqpBroker");
            }
        };
    }
}
