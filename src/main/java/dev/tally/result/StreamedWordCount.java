package dev.tally.result;

import org.bson.types.ObjectId;

/** An answer's {@code word_count} that is a GridFS file, copied into the answer as the client reads it. */
public record StreamedWordCount(ObjectId file) {}
