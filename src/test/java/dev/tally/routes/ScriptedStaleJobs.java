package dev.tally.routes;

import java.util.List;
import org.bson.Document;

/** The sweeper's staleJobs bean with the answers MongoDB would give, as the test scripts them. */
public final class ScriptedStaleJobs {

    volatile List<String> overdue = List.of();
    volatile List<Document> claimed = List.of();

    public List<String> overdue() {
        return overdue;
    }

    public List<Document> claimForRepublish() {
        return claimed;
    }
}
