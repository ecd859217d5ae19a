package dev.tally.config;

/**
 * A class of tally.* settings. {@link dev.tally.TallyApplication} takes them all, so they are bound and checked
 * before any other bean of Tally's exists: a bad value stops start-up before the embedded broker or MongoDB starts.
 */
public interface TallySettings {}
