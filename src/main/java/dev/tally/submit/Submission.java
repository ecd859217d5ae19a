package dev.tally.submit;

import java.util.concurrent.CompletableFuture;
import org.bson.Document;

/** One POST's job waiting in a batch, and the outcome of that batch's commit for it. */
record Submission(Document job, CompletableFuture<Void> outcome) {

    Submission(Document job) {
        this(job, new CompletableFuture<>());
    }
}
