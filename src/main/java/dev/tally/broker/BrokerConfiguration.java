package dev.tally.broker;

import dev.tally.store.EmbeddedMongoProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.RetryInterceptorBuilder;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.retry.ImmediateRequeueMessageRecoverer;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.interceptor.RetryOperationsInterceptor;

/**
 * Declares the durable queues on every connection (producers declare nothing, and a message to an
 * undeclared queue would vanish), and starts the embedded broker when no external one is configured. Spring's
 * RabbitAdmin declares the two Queue beans; nothing else declares a queue (the worker route has autoDeclare off).
 */
@Configuration
class BrokerConfiguration {

    @Bean
    QueueDeclarations queueDeclarations(QueueProperties queues) {
        return new QueueDeclarations(queues);
    }

    @Bean
    Queue jobsAmqpQueue(QueueDeclarations declarations) {
        return declarations.jobs();
    }

    @Bean
    Queue deadLetterAmqpQueue(QueueDeclarations declarations) {
        return declarations.deadLetters();
    }

    /** On a queue that exists with other arguments, closes the context and exits with status 1. */
    @Bean
    @SuppressWarnings("PMD.DoNotTerminateVM") // a service that cannot declare its queues must stop, not loop
    QueueMismatchStop queueMismatchStop(RabbitAdmin admin, ConfigurableApplicationContext context) {
        return new QueueMismatchStop(
                admin,
                message -> new Thread(
                                () -> System.exit(SpringApplication.exit(context, () -> 1)),
                                "tally-queue-mismatch-stop")
                        .start());
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
            BrokerProperties broker, EmbeddedMongoProperties embedded, QueueProperties queues) {
        if (queues.quorum()) {
            throw new IllegalStateException("tally.queue-type (TALLY_QUEUE_TYPE) is quorum, but the embedded broker"
                    + " (Qpid Broker-J, used while SPRING_RABBITMQ_HOST is unset) has no quorum queues: set"
                    + " TALLY_QUEUE_TYPE=classic, or SPRING_RABBITMQ_HOST to a RabbitMQ 3.10 or later");
        }
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
