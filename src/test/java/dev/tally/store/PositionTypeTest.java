package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void ordersObjectIdsAsH2Did() {
        ObjectDataType h2 = new ObjectDataType();
        List<ObjectId> ids = List.of(
                new ObjectId("6b108ca2ce2f263128413ddf"), new ObjectId("6b108ca2ce2f263128413de0"), new ObjectId());
        for (ObjectId a : ids) {
            for (ObjectId b : ids) {
                assertThat(Integer.signum(PositionType.INSTANCE.compare(a, b)))
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    /**
     * The store's threads share the one PositionType: writing an index key of another type (which switches the type
     * H2 saw last) while other threads compare positions must not break their comparisons.
     */
    @Test
    void threadsWritingOtherTypesDoNotDisturbComparisons() throws Exception {
        int rounds = 20_000;
        // LocalDate is no type of H2's own: compared through its "serialized object" type, whose lookups raced
        List<Object> dates = List.of(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 2));
        List<Object> ids = List.of(new ObjectId("6b108ca2ce2f263128413ddf"), new ObjectId("6b108ca2ce2f263128413de0"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (List<Object> pair : List.of(dates, ids)) {
                running.add(threads.submit(() -> {
                    for (int i = 0; i < rounds; i++) {
                        if (PositionType.INSTANCE.compare(pair.get(0), pair.get(1)) >= 0) {
                            throw new AssertionError("misordered " + pair);
                        }
                    }
                }));
            }
            for (Object other : List.of("a string key", 42L)) {
                running.add(threads.submit(() -> {
                    // one buffer, cleared: a new small one grows by a megabyte at the first write
                    WriteBuffer buffer = new WriteBuffer();
                    for (int i = 0; i < rounds; i++) {
                        PositionType.INSTANCE.write(buffer.clear(), other);
                        PositionType.INSTANCE.getMemory(other);
                    }
                }));
            }
            for (Future<?> thread : running) {
                thread.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
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
