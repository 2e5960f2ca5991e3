package dev.runnel.examples.frauddetector;

/** The sum of one account's amounts in one window, with the first transaction's timestamp. */
public record WindowSum(String transactionId, long windowStart, long windowEnd, long firstTimestamp, double sum) {}
