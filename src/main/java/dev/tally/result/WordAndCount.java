package dev.tally.result;

/** One row of a histogram. */
public record WordAndCount(String word, long count) {}
