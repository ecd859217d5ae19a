package dev.tally.submit;

import java.util.List;
import org.bson.Document;

/** Stores and queues one batch of new jobs, all or nothing as far as the callers are told. */
@FunctionalInterface
interface BatchCommit {

    /** Returns once every job is stored and its message confirmed; throws what stopped it otherwise. */
    void commit(List<Document> jobs) throws Exception;
}
