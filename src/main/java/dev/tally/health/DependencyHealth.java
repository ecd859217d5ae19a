package dev.tally.health;

import com.mongodb.client.MongoClient;
import dev.tally.web.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.bson.Document;
import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * The public {@code /health} answer. Each probe runs on its own thread with a deadline, so a dependency
 * that hangs shows as DOWN instead of holding the request.
 */
@Component("dependencyHealth")
public class DependencyHealth implements AutoCloseable {

    private final MongoClient mongo;
    private final ConnectionFactory rabbit;
    private final long deadlineMs;
    private final ExecutorService probes = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "health-probe");
        thread.setDaemon(true);
        return thread;
    });

    public DependencyHealth(MongoClient tallyMongo, ConnectionFactory rabbit, HealthProperties health) {
        this.mongo = tallyMongo;
        this.rabbit = rabbit;
        this.deadlineMs = health.deadlineMs();
    }

    public ApiResponse check(Exchange exchange) {
        CompletableFuture<Boolean> mongoUp = mongoProbe();
        CompletableFuture<Boolean> rabbitUp = rabbitProbe();
        Map<String, String> services = new LinkedHashMap<>();
        services.put("mongodb", mongoUp.join() ? "UP" : "DOWN");
        services.put("rabbitmq", rabbitUp.join() ? "UP" : "DOWN");
        boolean healthy = !services.containsValue("DOWN");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", healthy ? "PASS" : "FAIL");
        data.put("info", healthy ? "All services are online" : "At least one service is offline");
        data.put("services", services);
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, healthy ? 200 : 503);
        return new ApiResponse(healthy, "Completed Health Check", data);
    }

    /** Whether MongoDB answered a ping within the deadline. */
    public CompletableFuture<Boolean> mongoProbe() {
        return probe(this::mongoUp);
    }

    /** Whether a connection to RabbitMQ opened within the deadline. */
    public CompletableFuture<Boolean> rabbitProbe() {
        return probe(this::rabbitUp);
    }

    private CompletableFuture<Boolean> probe(java.util.function.BooleanSupplier check) {
        return CompletableFuture.supplyAsync(check::getAsBoolean, probes)
                .completeOnTimeout(false, deadlineMs, TimeUnit.MILLISECONDS)
                .exceptionally(failure -> false);
    }

    private boolean mongoUp() {
        Document pong = mongo.getDatabase("admin").runCommand(new Document("ping", 1));
        return pong.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
    }

    private boolean rabbitUp() {
        try (Connection connection = rabbit.createConnection()) {
            return connection.isOpen();
        }
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
