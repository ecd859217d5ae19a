package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;

class IndexKeyTypeTest {

    private static final IndexKeyType TYPE = IndexKeyType.INSTANCE;

    private static final List<KeyValue> KEYS = List.of(
            new KeyValue(new ObjectId()),
            new KeyValue(new ObjectId(), 0),
            new KeyValue(new ObjectId(), 1),
            new KeyValue("a job id"),
            new KeyValue(7L),
            new KeyValue(7),
            new KeyValue(2.5),
            new KeyValue(true),
            new KeyValue(UUID.randomUUID()),
            new KeyValue((Object) null),
            new KeyValue(Missing.getInstance()),
            new KeyValue(new Document("nested", 1)),
            new KeyValue("x", new ObjectId(), 3));

    @Test
    void readsBackEveryKeyAsWritten() {
        for (KeyValue key : KEYS) {
            WriteBuffer buffer = new WriteBuffer();
            TYPE.write(buffer, key);
            ByteBuffer written = buffer.getBuffer();
            written.flip();

            KeyValue read = TYPE.read(written);

            assertThat(read).as("%s", key).isEqualTo(key);
            assertThat(written.remaining()).isZero();
            assertThat(TYPE.compare(read, key)).isZero();
        }
    }

    @Test
    void ordersKeysConsistentlyAndZeroOnlyForEqualKeys() {
        List<KeyValue> all = new ArrayList<>(KEYS);
        for (KeyValue a : all) {
            for (KeyValue b : all) {
                int ab = TYPE.compare(a, b);
                assertThat(Integer.signum(ab)).as("%s vs %s", a, b).isEqualTo(-Integer.signum(TYPE.compare(b, a)));
                assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
            }
        }
    }

    @Test
    void ordersObjectIdsAndChunkNumbersAsTheyCompare() {
        ObjectId file = new ObjectId();
        assertThat(TYPE.compare(new KeyValue(file, 1), new KeyValue(file, 2))).isNegative();
        assertThat(TYPE.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
    }
}
