package dev.tally.job;

import com.fasterxml.jackson.databind.util.RawValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

/** Turns a stored job into the {@code data} object of the public API. */
@Component("jobView")
public class JobView {

    public Map<String, Object> of(Document job) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("job_id", job.getObjectId("_id").toHexString());
        view.put("url", job.getString("url"));
        String status = job.getString("status");
        view.put("status", status);
        view.put("created_at", iso(job.getDate("created_at")));
        view.put("updated_at", iso(job.getDate("updated_at")));
        if (JobStatus.COMPLETE.name().equals(status)) {
            view.put("word_count", wordCount(job.get(JobDocuments.WORD_COUNT)));
            view.put("total_words", job.get("total_words"));
            view.put("distinct_words", job.get("distinct_words"));
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

    /** The stored JSON text goes out as it is, not parsed and rendered again. */
    private static Object wordCount(Object stored) {
        if (stored instanceof Binary json) {
            return new RawValue(new String(json.getData(), StandardCharsets.UTF_8));
        }
        return stored instanceof String json ? new RawValue(json) : stored;
    }

    private static String iso(Date date) {
        return date == null ? null : Instant.ofEpochMilli(date.getTime()).toString();
    }
}
