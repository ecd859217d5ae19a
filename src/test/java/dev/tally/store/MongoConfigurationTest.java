package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.WriteConcern;
import org.junit.jupiter.api.Test;

/** The write concern setting takes MongoDB's acknowledged concerns by name and refuses anything else. */
class MongoConfigurationTest {

    @Test
    void takesTheAcknowledgedWriteConcernsByName() {
        assertThat(MongoConfiguration.writeConcern("majority")).isEqualTo(WriteConcern.MAJORITY);
        assertThat(MongoConfiguration.writeConcern(" MAJORITY ")).isEqualTo(WriteConcern.MAJORITY);
        assertThat(MongoConfiguration.writeConcern("w1")).isEqualTo(WriteConcern.W1);
        assertThat(MongoConfiguration.writeConcern("journaled")).isEqualTo(WriteConcern.JOURNALED);
        assertThat(MongoConfiguration.writeConcern("acknowledged")).isEqualTo(WriteConcern.ACKNOWLEDGED);
    }

    @Test
    void refusesUnacknowledgedWritesNamingTheSetting() {
        assertThatThrownBy(() -> MongoConfiguration.writeConcern("unacknowledged"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TALLY_MONGODB_WRITE_CONCERN")
                .hasMessageContaining("tally.mongodb.write-concern")
                .hasMessageContaining("'unacknowledged'");
    }

    @Test
    void refusesANameMongoDbDoesNotKnowNamingTheSetting() {
        for (String nonsense : new String[] {"mostly", "", "w=majority"}) {
            assertThatThrownBy(() -> MongoConfiguration.writeConcern(nonsense))
                    .as(nonsense)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("TALLY_MONGODB_WRITE_CONCERN")
                    .hasMessageContaining("'" + nonsense + "'");
        }
    }
}
