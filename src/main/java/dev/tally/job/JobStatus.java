package dev.tally.job;

public enum JobStatus {
    IN_PROGRESS,
    COMPLETE,
    FAIL
}
