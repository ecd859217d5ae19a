package dev.tally.job;

import com.mongodb.MongoException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reason a FAILed job shows its user: the fetch errors' own messages, written for people (API.md lists them);
 * for anything else a sentence without class names or driver messages, the failure itself logged in full here.
 */
public final class FailureSentences {

    static final String STORE_FAILED = "internal error while storing the result: the database refused it";
    static final String INTERNAL_ERROR = "internal error while counting the words";

    private static final Logger LOG = LoggerFactory.getLogger(FailureSentences.class);

    private FailureSentences() {}

    public static String of(Throwable cause) {
        if (cause instanceof JobFailureException) {
            return cause.getMessage();
        }
        if (cause instanceof MongoException) {
            LOG.warn("a job FAILs: MongoDB refused its result", cause);
            return STORE_FAILED;
        }
        LOG.error("a job FAILs on an unexpected error", cause);
        return INTERNAL_ERROR;
    }
}
