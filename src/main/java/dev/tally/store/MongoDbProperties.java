package dev.tally.store;

import dev.tally.config.TallySettings;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.Range;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The MongoDB that holds the jobs (tally.mongodb.*, the embedded server's apart).
 *
 * @param uri External MongoDB, e.g. mongodb://mongo:27017; empty means the embedded wire server.
 * @param database Database holding the jobs collection.
 * @param writeConcern What every write waits for: majority, w1, w2, w3, journaled or acknowledged (the server's
 *     default); replaces a w in the URI; unacknowledged is refused.
 * @param timeoutMs Server selection and connect timeout, in milliseconds: how fast an outage becomes a 503.
 * @param maxPoolSize MongoDB connection pool size.
 * @param indexRetryMs The indexes are created at startup in the background; while MongoDB is unreachable, tried
 *     again this often, in milliseconds.
 */
@Validated
@ConfigurationProperties("tally.mongodb")
public record MongoDbProperties(
        String uri,
        @NotBlank String database,

        @NotNull @Pattern(regexp = ACKNOWLEDGED, message = "must be one of " + ACKNOWLEDGED_NAMES)
        String writeConcern,

        @NotNull @Range(min = 1, max = MAX_TIMEOUT_MS) Integer timeoutMs,
        @NotNull @Min(1) Integer maxPoolSize,
        @NotNull @Min(1) Long indexRetryMs)
        implements TallySettings {

    /** The socket read timeout is twice the timeout, in an int. */
    static final int MAX_TIMEOUT_MS = Integer.MAX_VALUE / 2;

    static final String ACKNOWLEDGED_NAMES = "majority, w1, w2, w3, journaled, acknowledged";
    /** The names {@link MongoConfiguration#writeConcern} takes, in any case, blanks around them allowed. */
    static final String ACKNOWLEDGED = "(?i)\\s*(majority|w1|w2|w3|journaled|acknowledged)\\s*";

    public boolean usesEmbeddedServer() {
        return uri == null || uri.isBlank();
    }
}
