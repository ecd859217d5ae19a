package dev.tally.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;

class JobCountsTest {

    private final MovableClock clock = new MovableClock();

    @SuppressWarnings("unchecked")
    private final MongoCollection<Document> jobs = mock(MongoCollection.class);

    private final JobCounts counts = new JobCounts(jobs, 10_000, clock);

    @Test
    void countsEachStatusInOrder() {
        when(jobs.countDocuments(Filters.eq("status", "IN_PROGRESS"))).thenReturn(1L);
        when(jobs.countDocuments(Filters.eq("status", "COMPLETE"))).thenReturn(2L);
        when(jobs.countDocuments(Filters.eq("status", "FAIL"))).thenReturn(3L);

        JobCounts.Counted counted = counts.current();

        assertThat(counted.byStatus())
                .containsExactly(Map.entry("IN_PROGRESS", 1L), Map.entry("COMPLETE", 2L), Map.entry("FAIL", 3L));
        assertThat(counted.at()).isEqualTo(clock.instant());
    }

    @Test
    void countsAgainOnlyOnceTheMaxAgeHasPassed() {
        JobCounts.Counted first = counts.current();
        clock.advance(Duration.ofMillis(9_999));
        assertThat(counts.current()).isSameAs(first);
        verify(jobs, times(3)).countDocuments(any(Bson.class));

        clock.advance(Duration.ofMillis(1));
        JobCounts.Counted second = counts.current();

        assertThat(second).isNotSameAs(first);
        assertThat(second.at()).isEqualTo(first.at().plusMillis(10_000));
        verify(jobs, times(6)).countDocuments(any(Bson.class));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-11-28T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
