package dev.tally.store;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.ObjectId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact map holds exactly what a HashMap holds after the same puts and removals. */
class ObjectIdTimesTest {

    @Test
    void keepsWhatAHashMapKeepsThroughGrowthUpdatesAndRemovals() {
        Random random = new Random(17);
        List<ObjectId> ids = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            // as the driver makes them: the same few seconds and process, a counter in the last bytes
            ids.add(objectId(0x6b1480afL + i / 5_000, 0x5ee0a34d, i));
        }
        ids.add(new ObjectId(new byte[12]));
        ObjectIdTimes times = new ObjectIdTimes();
        Map<ObjectId, Long> expected = new HashMap<>();

        for (int round = 0; round < 400_000; round++) {
            ObjectId id = ids.get(random.nextInt(ids.size()));
            if (random.nextInt(3) == 0) {
                assertThat(times.remove(id)).isEqualTo(expected.remove(id) != null);
            } else {
                long value = random.nextLong();
                times.put(id, value);
                expected.put(id, value);
            }
            if (round % 50_000 == 0) {
                assertThat(contents(times)).isEqualTo(expected);
            }
        }

        assertThat(contents(times)).isEqualTo(expected);
        assertThat(times.size()).isEqualTo(expected.size());
    }

    @Test
    void emptiesAndFillsAgain() {
        ObjectIdTimes times = new ObjectIdTimes();
        for (int i = 0; i < 5_000; i++) {
            times.put(objectId(1, 2, i), i);
        }

        times.clear();
        times.put(objectId(1, 2, 7), 70);

        assertThat(contents(times)).isEqualTo(Map.of(objectId(1, 2, 7), 70L));
    }

    private static Map<ObjectId, Long> contents(ObjectIdTimes times) {
        Map<ObjectId, Long> contents = new HashMap<>();
        times.forEach((high, low, value) -> contents.put(ObjectIdTimes.objectId(high, low), value));
        return contents;
    }

    private static ObjectId objectId(long seconds, int machine, int counter) {
        byte[] bytes = new byte[12];
        for (int i = 0; i < 4; i++) {
            bytes[i] = (byte) (seconds >>> (24 - 8 * i));
            bytes[4 + i] = (byte) (machine >>> (24 - 8 * i));
            bytes[8 + i] = (byte) (counter >>> (24 - 8 * i));
        }
        return new ObjectId(bytes);
    }
}
