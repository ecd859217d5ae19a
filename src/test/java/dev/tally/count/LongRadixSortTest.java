package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongRadixSortTest {

    @Test
    void sortsARangeAsArraysSortDoes() {
        Random random = new Random(14);
        for (int trial = 0; trial < 300; trial++) {
            int length = random.nextInt(3) == 0 ? random.nextInt(300) : 256 + random.nextInt(5_000);
            long[] keys = new long[length + 20];
            long sharedHigh = random.nextLong() & 0xFFFF_0000_0000_0000L;
            for (int i = 0; i < keys.length; i++) {
                keys[i] = switch (trial % 4) {
                    case 0 -> random.nextLong(); // negative and positive
                    case 1 -> sharedHigh | random.nextInt(1 << 13); // ranking keys: shared bytes, entry number
                    case 2 -> random.nextInt(4) - 2L; // few values, -2 to 1
                    default -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
                };
            }
            long[] expected = keys.clone();
            Arrays.sort(expected, 10, 10 + length);

            LongRadixSort.sort(keys, 10, 10 + length);

            assertThat(keys).as("trial %d, %d keys", trial, length).isEqualTo(expected);
        }
    }
}
