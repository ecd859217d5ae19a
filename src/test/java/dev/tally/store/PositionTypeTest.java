package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.DataType;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

class PositionTypeTest {

    private static final List<Object> POSITIONS = List.of(new ObjectId(), 42L, 7, "a string id", 2.5);

    @Test
    void readsBackWhatItWrites() {
        for (Object position : POSITIONS) {
            assertThat(roundTrip(PositionType.INSTANCE, position)).isEqualTo(position);
        }
    }

    @Test
    void readsPositionsWrittenByH2sOwnEncoding() {
        ObjectDataType h2 = new ObjectDataType();
        for (Object position : POSITIONS) {
            ByteBuffer written = written(h2, position);
            assertThat(PositionType.INSTANCE.read(written)).isEqualTo(position);
            assertThat(written.remaining()).isZero();
        }
    }

    @Test
    void readsBackMissingAsTheOneInstanceThatEqualsItself() {
        assertThat(roundTrip(PositionType.INSTANCE, Missing.getInstance())).isSameAs(Missing.getInstance());
    }

    @Test
    void writesAnObjectIdAsATagAndItsTwelveBytes() {
        assertThat(written(PositionType.INSTANCE, new ObjectId()).remaining()).isEqualTo(13);
    }

    @Test
    void comparesAsH2Did() {
        ObjectDataType h2 = new ObjectDataType();
        for (Object a : POSITIONS) {
            for (Object b : POSITIONS) {
                assertThat(Integer.signum(PositionType.INSTANCE.compare(a, b)))
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    private static Object roundTrip(DataType<Object> type, Object value) {
        return type.read(written(type, value));
    }

    private static ByteBuffer written(DataType<Object> type, Object value) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, value);
        ByteBuffer bytes = buffer.getBuffer();
        bytes.flip();
        return bytes;
    }
}
