package dev.runnel.examples.generator;

/**
 * A fraud case the generator planted and a detector must find: the kind of alert expected, the key
 * it is about (user, account, transaction or rule) and when.
 */
public record Planted(String kind, String key, long timestamp, String detail) {}
