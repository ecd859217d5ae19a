package dev.tally.count;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class BitScansTest {

    @Test
    void bitScansAgreeWithTheJdkOnEveryShapeOfMask() {
        LongStream edges = LongStream.range(0, 64)
                .flatMap(bit -> LongStream.of(
                        1L << bit, (1L << bit) - 1, -1L << bit, ~(1L << bit), (1L << bit) | 1, Long.MIN_VALUE >>> bit));
        LongStream random = new SplittableRandom(20_261_202L).longs(1_000_000);
        LongStream.concat(LongStream.concat(edges, random), LongStream.of(0, -1, Long.MAX_VALUE))
                .forEach(bits -> {
                    assertThat(BitScans.tableTrailingZeros(bits))
                            .as("trailing zeros of %x", bits)
                            .isEqualTo(Long.numberOfTrailingZeros(bits));
                    assertThat(BitScans.tableBitLength(bits))
                            .as("bit length of %x", bits)
                            .isEqualTo(64 - Long.numberOfLeadingZeros(bits));
                });
    }

    @Test
    void sparseRandomMasksToo() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            long bits = random.nextLong() & random.nextLong() & random.nextLong() >>> random.nextInt(64);
            assertThat(BitScans.tableTrailingZeros(bits)).isEqualTo(Long.numberOfTrailingZeros(bits));
            assertThat(BitScans.tableBitLength(bits)).isEqualTo(64 - Long.numberOfLeadingZeros(bits));
        }
    }

    @Test
    void theMethodsChosenForThisJvmAgreeToo() {
        new SplittableRandom(11).longs(100_000).forEach(bits -> {
            assertThat(BitScans.trailingZeros(bits)).isEqualTo(Long.numberOfTrailingZeros(bits));
            assertThat(BitScans.bitLength(bits)).isEqualTo(64 - Long.numberOfLeadingZeros(bits));
        });
    }
}
