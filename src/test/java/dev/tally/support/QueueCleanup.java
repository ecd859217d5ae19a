package dev.tally.support;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/** Durable test queues would pile up on the shared broker: remove this run's at JVM exit. */
final class QueueCleanup {

    private QueueCleanup() {}

    static void deleteTestQueues() {
        CachingConnectionFactory factory = new CachingConnectionFactory(TestStack.RABBIT_HOST, TestStack.RABBIT_PORT);
        try {
            RabbitAdmin admin = new RabbitAdmin(factory);
            TestStack.QUEUES.forEach(admin::deleteQueue);
        } catch (RuntimeException e) {
            System.err.println("could not delete test queues: " + e);
        } finally {
            factory.destroy();
        }
    }
}
