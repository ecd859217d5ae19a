package dev.tally.listing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tally.job.JobStatus;
import dev.tally.web.ApiException;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class ListingRequestsTest {

    private static final String ID = "6b0a3fb4e08e95152fdf5444";

    private final ListingRequests requests = new ListingRequests();

    @ParameterizedTest
    @NullAndEmptySource
    void withoutParametersThePageIsTheNewest20OfAnyStatus(String query) {
        assertThat(requests.parametersFrom(query)).isEqualTo(new ListingParameters(20, null, null));
    }

    @Test
    void readsEveryParameter() {
        assertThat(requests.parametersFrom("limit=100&status=FAIL&before=" + ID))
                .isEqualTo(new ListingParameters(100, JobStatus.FAIL, new ObjectId(ID)));
        assertThat(requests.parametersFrom("status=IN_PROGRESS&limit=1"))
                .isEqualTo(new ListingParameters(1, JobStatus.IN_PROGRESS, null));
    }

    @Test
    void decodesPercentEscapesInNamesAndValues() {
        assertThat(requests.parametersFrom("%6Cimit=0%37&status=COMPLETE"))
                .isEqualTo(new ListingParameters(7, JobStatus.COMPLETE, null));
    }

    @Test
    void ignoresUnknownAndEmptyParameters() {
        assertThat(requests.parametersFrom("job_id=x&&foo&a=1&a=2&Limit=5&limit=3"))
                .isEqualTo(new ListingParameters(3, null, null));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "limit=0 | `limit` must be an integer from 1 to 100",
                "limit=101 | `limit` must be an integer from 1 to 100",
                "limit=-1 | `limit` must be an integer from 1 to 100",
                "limit=+1 | `limit` must be an integer from 1 to 100",
                "limit=1.0 | `limit` must be an integer from 1 to 100",
                "limit=%201 | `limit` must be an integer from 1 to 100",
                "limit=99999999999999999999 | `limit` must be an integer from 1 to 100",
                "limit= | `limit` must be an integer from 1 to 100",
                "limit | `limit` must be an integer from 1 to 100",
                "limit=%zz | `limit` must be an integer from 1 to 100",
                "limit=2&limit=2 | `limit` must be given once",
                "status=fail | `status` must be one of IN_PROGRESS, COMPLETE, FAIL",
                "status=DONE | `status` must be one of IN_PROGRESS, COMPLETE, FAIL",
                "status= | `status` must be one of IN_PROGRESS, COMPLETE, FAIL",
                "status=FAIL&status=COMPLETE | `status` must be given once",
                "before=6b0a3fb4e08e95152fdf544 | `before` must be a 24-character hex job_id",
                "before=6b0a3fb4e08e95152fdf5444a | `before` must be a 24-character hex job_id",
                "before=6b0a3fb4e08e95152fdf544g | `before` must be a 24-character hex job_id",
                "before= | `before` must be a 24-character hex job_id",
                "before=%ZZ | `before` must be a 24-character hex job_id",
                "before=" + ID + "&before=" + ID + " | `before` must be given once",
            })
    void refusesEveryBadValueNamingItsParameter(String query, String message) {
        assertThatThrownBy(() -> requests.parametersFrom(query))
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((ApiException) e).getStatus()).isEqualTo(400));
    }

    @Test
    void theNextPageKeepsLimitAndStatusAndContinuesAfterTheLastJobShown() {
        ObjectId last = new ObjectId(ID);
        assertThat(new ListingParameters(20, null, null).nextPage(last)).isEqualTo("/word-count?limit=20&before=" + ID);
        assertThat(new ListingParameters(5, JobStatus.COMPLETE, new ObjectId()).nextPage(last))
                .isEqualTo("/word-count?limit=5&status=COMPLETE&before=" + ID);
    }
}
