package dev.tally.job;

import dev.tally.result.StoredWordCounts;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Turns a stored job into the {@code data} object of the public API. */
@Component("jobView")
public class JobView {

    /** Without {@code ?top} a finished job's answer carries its whole histogram, as the original service's did. */
    static final int TOP_WITH_WHOLE_COUNT = 100;

    private final StoredWordCounts wordCounts;

    public JobView(StoredWordCounts wordCounts) {
        this.wordCounts = wordCounts;
    }

    /** @param top null for the whole {@code word_count}, else the number of {@code top_words} instead of it */
    public Map<String, Object> of(Document job, Integer top) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.getObjectId("_id").toHexString());
        view.put("url", job.getString("url"));
        String status = job.getString("status");
        view.put("status", status);
        view.put("created_at", iso(job.getDate("created_at")));
        view.put("updated_at", iso(job.getDate("updated_at")));
        if (JobStatus.COMPLETE.name().equals(status)) {
            if (top == null) {
                view.put("word_count", wordCounts.answerValue(job));
            }
            view.put("total_words", job.get("total_words"));
            view.put("distinct_words", job.get("distinct_words"));
            view.put("top_words", wordCounts.top(job, top == null ? TOP_WITH_WHOLE_COUNT : top));
        } else if (JobStatus.FAIL.name().equals(status)) {
            view.put("error", job.getString("error"));
        }
        return view;
    }

    /** The 202 answer carries only what exists at submission time. */
    public Map<String, Object> scheduled(Document job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.getObjectId("_id").toHexString());
        view.put("url", job.getString("url"));
        view.put("status", job.getString("status"));
        view.put("created_at", iso(job.getDate("created_at")));
        return view;
    }

    public static String iso(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
    }
}
