package dev.tally.broker;

import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.retry.ImmediateRequeueMessageRecoverer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.interceptor.RetryOperationsInterceptor;

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

    /**
     * The worker consumer's last resort, for a message whose route failed even in its error handling (the FAIL
     * write or the dead-letter publish failed too, say with MongoDB down): back to the queue. Without it the
     * consumer's default recoverer logs "Message(s) dropped on recovery" and acknowledges the message, leaving
     * its job IN_PROGRESS with nothing to finish it (found by MongoOutageChaos).
     */
    @Bean
    RetryOperationsInterceptor requeueUnsettledMessages() {
        return RetryInterceptorBuilder.stateless()
                .maxAttempts(1)
                .recoverer(new ImmediateRequeueMessageRecoverer())
                .build();
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
