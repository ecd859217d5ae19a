package dev.tally.broker;

import dev.tally.store.EmbeddedMongoProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.retry.ImmediateRequeueMessageRecoverer;
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
    Queue jobsAmqpQueue(QueueProperties queues) {
        return new Queue(queues.queue(), true);
    }

    @Bean
    Queue deadLetterAmqpQueue(QueueProperties queues) {
        return new Queue(queues.deadLetterQueue(), true);
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
    EmbeddedAmqpBroker embeddedAmqpBroker(BrokerProperties broker, EmbeddedMongoProperties embedded) {
        return EmbeddedAmqpBroker.start(broker.embeddedPort(), embedded.dataDir());
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
