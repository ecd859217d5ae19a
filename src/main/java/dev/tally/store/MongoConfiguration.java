package dev.tally.store;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.event.CommandListener;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The MongoClient the {@code mongodb:tallyMongo} endpoints use. Short timeouts make an outage a fast 503
 * instead of a hang. Without {@code TALLY_MONGODB_URI} it talks to the embedded wire server. Every write waits for
 * {@code tally.mongodb.write-concern}, over a {@code w} in the URI: the routes' endpoints name the same one.
 */
@Configuration
class MongoConfiguration {

    @Bean
    EmbeddedMongoServer embeddedMongoServer(MongoDbProperties mongodb, EmbeddedMongoProperties embedded) {
        return mongodb.usesEmbeddedServer()
                ? EmbeddedMongoServer.start(embedded.dataDir(), embedded.port())
                : EmbeddedMongoServer.none();
    }

    @Bean(name = "tallyMongo", destroyMethod = "close")
    MongoClient tallyMongo(
            MongoDbProperties mongodb,
            ObjectProvider<EmbeddedMongoServer> embedded,
            ObjectProvider<CommandListener> commandListeners) {
        String target = mongodb.usesEmbeddedServer() ? embedded.getObject().connectionString() : mongodb.uri();
        int timeoutMs = mongodb.timeoutMs();
        int maxPoolSize = mongodb.maxPoolSize();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(target))
                .writeConcern(writeConcern(mongodb.writeConcern()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(timeoutMs, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(timeoutMs, TimeUnit.MILLISECONDS)
                        .readTimeout(timeoutMs * 2, TimeUnit.MILLISECONDS))
                .applyToConnectionPoolSettings(
                        p -> p.maxSize(maxPoolSize).maxWaitTime(timeoutMs, TimeUnit.MILLISECONDS))
                .build();
        List<CommandListener> listeners = commandListeners.orderedStream().toList();
        return MongoClients.create(
                listeners.isEmpty()
                        ? settings
                        : MongoClientSettings.builder(settings)
                                .commandListenerList(listeners)
                                .build());
    }

    /** Tally needs every write acknowledged: w=0 would turn a lost write into a silently lost job. */
    static WriteConcern writeConcern(String name) {
        WriteConcern concern = WriteConcern.valueOf(name.strip());
        if (concern == null || !concern.isAcknowledged()) {
            throw new IllegalArgumentException(
                    "tally.mongodb.write-concern (TALLY_MONGODB_WRITE_CONCERN) must be one of"
                            + " majority, w1, w2, w3, journaled, acknowledged; not '" + name + "'");
        }
        return concern;
    }

    /** The one collection Tally keeps, for the beans that query it directly. */
    @Bean
    MongoCollection<Document> jobsCollection(MongoClient tallyMongo, MongoDbProperties mongodb) {
        return tallyMongo.getDatabase(mongodb.database()).getCollection("jobs");
    }
}
