package dev.tally.listing;

import dev.tally.job.JobStatus;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Turns a page of stored jobs into the listing's {@code data}: the jobs' summaries and the link to the next page. */
@Component("jobListingView")
public class JobListingView {

    /** {@code found} holds up to one job more than the page: its presence means a next page exists. */
    public Map<String, Object> page(List<Document> found, ListingParameters listing) {
        List<Document> shown = found.size() > listing.limit() ? found.subList(0, listing.limit()) : found;
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("jobs", shown.stream().map(JobListingView::summary).toList());
        page.put(
                "next",
                found.size() > listing.limit()
                        ? listing.nextPage(shown.get(shown.size() - 1).getObjectId(JobListingQuery.ID))
                        : null);
        return page;
    }

    static Map<String, Object> summary(Document job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.getObjectId(JobListingQuery.ID).toHexString());
        view.put("url", job.getString("url"));
        String status = job.getString("status");
        view.put("status", status);
        view.put("created_at", iso(job.getDate(JobListingQuery.CREATED_AT)));
        view.put("updated_at", iso(job.getDate("updated_at")));
        if (JobStatus.COMPLETE.name().equals(status)) {
            view.put("total_words", job.get("total_words"));
            view.put("distinct_words", job.get("distinct_words"));
        } else if (JobStatus.FAIL.name().equals(status)) {
            view.put("error", job.getString("error"));
        }
        return view;
    }

    /** As {@link dev.tally.job.JobView} writes times: ISO-8601 in UTC, to the millisecond. */
    private static String iso(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
    }
}
